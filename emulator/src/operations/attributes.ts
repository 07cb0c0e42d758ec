// The 1 KB limit on participant attributes, which the model states only in prose.
import { validation } from '../errors.ts';

export const ATTRIBUTES_MAX_BYTES = 1024;

// AWS is silent on how "1 KB total" is measured; we count the UTF-8 bytes of every key and value, because
// that is what a client pays for on the wire. The limit is checked on the field a request carries, as the model
// states it; AWS is silent on whether StartParticipantReplication's merge with the token's attributes may exceed it,
// and we let the merged map be larger (each part was within its own limit).
export function attributesBytes(attributes: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(attributes)) n += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
  return n;
}

export function checkAttributes(attributes: Record<string, string> | undefined, member: string): void {
  if (!attributes) return;
  const n = attributesBytes(attributes);
  if (n > ATTRIBUTES_MAX_BYTES) {
    throw validation(`${member} must total at most ${ATTRIBUTES_MAX_BYTES} bytes of keys and values (got ${n}).`);
  }
}
