import type { AppError } from '../../aws/errors';
import { ATTRIBUTES_MAX_BYTES, bound } from '../../aws/limits';
import { PARTICIPANT_ID, STAGE_ARN } from '../../routing/params';
import type { Region } from '../../aws/types';
import { rowsBytes, type KeyValueRow } from '../../components/KeyValueEditor';

export type ReplicationForm = {
  sourceStageArn: string;
  destinationStageArn: string;
  participantId: string;
  reconnectWindowSeconds: string;
  attributes: KeyValueRow[];
};

export type ReplicationField = keyof ReplicationForm;
export type ReplicationErrors = Partial<Record<ReplicationField, string>>;

export const WINDOW_MIN = bound('ReconnectWindowSeconds', 'min');
export const WINDOW_MAX = bound('ReconnectWindowSeconds', 'max');
const PARTICIPANT_ID_MAX = bound('ParticipantId', 'max');

function checkStageArn(v: string, region: Region, what: string): string | undefined {
  if (!v.trim()) return `Choose the ${what} stage, or paste its ARN.`;
  const m = STAGE_ARN.exec(v.trim());
  if (!m) return 'This is not a stage ARN (arn:aws:ivs:<region>:<account>:stage/<id>).';
  if (m[1] !== region) return `Replication works within one region; this stage is in ${m[1]}, not ${region}.`;
  return undefined;
}

/** The model's rules, checked before any call: nothing invalid is ever sent. */
export function validateReplication(f: ReplicationForm, region: Region): ReplicationErrors {
  const e: ReplicationErrors = {};
  const src = checkStageArn(f.sourceStageArn, region, 'source');
  if (src) e.sourceStageArn = src;
  const dst = checkStageArn(f.destinationStageArn, region, 'destination');
  if (dst) e.destinationStageArn = dst;
  else if (!src && f.destinationStageArn.trim() === f.sourceStageArn.trim()) {
    e.destinationStageArn = 'The destination must be a different stage from the source.';
  }
  if (!f.participantId.trim()) e.participantId = 'Choose the publishing participant to replicate.';
  else if (!PARTICIPANT_ID.test(f.participantId.trim())) e.participantId = `A participant id has 1 to ${PARTICIPANT_ID_MAX} letters, digits or hyphens.`;
  const w = f.reconnectWindowSeconds.trim();
  if (!/^\d+$/.test(w) || Number(w) < WINDOW_MIN || Number(w) > WINDOW_MAX) {
    e.reconnectWindowSeconds = `Enter whole seconds from ${WINDOW_MIN} to ${WINDOW_MAX}.`;
  }
  const keys = f.attributes.map((a) => a.key);
  if (keys.some((k) => k === '')) e.attributes = 'Every attribute needs a key.';
  else if (new Set(keys).size !== keys.length) e.attributes = 'Each attribute key can appear only once.';
  else if (rowsBytes(f.attributes) > ATTRIBUTES_MAX_BYTES) {
    e.attributes = `Attributes use ${rowsBytes(f.attributes)} bytes; the limit is ${ATTRIBUTES_MAX_BYTES} bytes for all keys and values together.`;
  }
  return e;
}

const MEMBER_NAMES: ReplicationField[] = ['reconnectWindowSeconds', 'attributes', 'destinationStageArn', 'sourceStageArn', 'participantId'];

/**
 * Puts a server error on the field it concerns. A member name in the message wins; then words about
 * publishing or replicas (the participant); then which of the two stage ARNs the message names.
 */
export function fieldOfServerError(error: AppError, form?: Pick<ReplicationForm, 'sourceStageArn' | 'destinationStageArn'>): ReplicationField | undefined {
  if (error.kind !== 'validation' && error.kind !== 'not-found' && error.kind !== 'conflict' && error.kind !== 'quota') return undefined;
  const m = error.message;
  const named = MEMBER_NAMES.find((f) => m.includes(f));
  if (named) return named;
  if (/reconnect/i.test(m)) return 'reconnectWindowSeconds';
  if (/attribute/i.test(m)) return 'attributes';
  if (/publish|replica|replicated/i.test(m) && /participant/i.test(m)) return 'participantId';
  const dst = form?.destinationStageArn.trim();
  const src = form?.sourceStageArn.trim();
  if (dst && m.includes(dst)) return 'destinationStageArn';
  if (/destination/i.test(m)) return 'destinationStageArn';
  if (/participant/i.test(m)) return 'participantId';
  if ((src && m.includes(src)) || /source/i.test(m)) return 'sourceStageArn';
  return undefined;
}
