// The 1 KB limit on participant attributes, which the model states only in prose.
import { validation } from '../errors.ts';

export const ATTRIBUTES_MAX_BYTES = 1024;

// AWS is silent on how "1 KB total" is measured; we count the UTF-8 bytes of every key and value, because
// that is what a client pays for on the wire, and we check both the request's map and any merged map.
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
