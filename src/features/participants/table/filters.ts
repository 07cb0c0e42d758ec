import type { ParticipantFilter } from '../../../aws/types';

const RECORDING = ['STARTING', 'ACTIVE', 'STOPPING', 'STOPPED', 'FAILED'] as const;

/** The `filter` search param ("state:CONNECTED", "published", "userId:alice", "recordingState:ACTIVE"). */
export function parseFilter(raw: string | null): ParticipantFilter {
  if (!raw) return { kind: 'none' };
  if (raw === 'published') return { kind: 'published' };
  const i = raw.indexOf(':');
  const kind = i < 0 ? raw : raw.slice(0, i);
  const value = i < 0 ? '' : raw.slice(i + 1);
  if (kind === 'state' && (value === 'CONNECTED' || value === 'DISCONNECTED')) return { kind: 'state', value };
  if (kind === 'userId' && value) return { kind: 'userId', value };
  const rec = RECORDING.find((r) => r === value);
  if (kind === 'recordingState' && rec) return { kind: 'recordingState', value: rec };
  return { kind: 'none' };
}

export function formatFilter(f: ParticipantFilter): string | undefined {
  switch (f.kind) {
    case 'none':
      return undefined;
    case 'published':
      return 'published';
    default:
      return `${f.kind}:${f.value}`;
  }
}

export const RECORDING_FILTER_VALUES = RECORDING;
