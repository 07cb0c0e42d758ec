// One component per domain state, used by every view that shows it, so a state reads the same everywhere:
// a participant's connection, whether it is on air now, a replication's state and a recording's state.
import type { ReactNode } from 'react';
import { offAirReason, onAirText, type OnAir } from '../query/onAir';
import { formatTime } from '../query/time';
import { StatusBadge, type Tone } from './StatusBadge';

/** The replication fields of a participant (ParticipantSummary has them all). */
export type ReplicaFields = { replicationType?: string; replicationState?: string };

/**
 * A participant's connection. A replica whose replication has stopped was taken out by the replication, not by a
 * dropped connection: it reads "Replication stopped", never "Disconnected", wherever its state is shown.
 */
export function ConnectionBadge({ state, replication }: { state?: string; replication?: ReplicaFields }): ReactNode {
  if (replication?.replicationType === 'REPLICA' && replication.replicationState === 'STOPPED') {
    return <StatusBadge tone="neutral">Replication stopped</StatusBadge>;
  }
  if (state === 'CONNECTED') return <StatusBadge tone="ok">Connected</StatusBadge>;
  if (state === 'DISCONNECTED') return <StatusBadge tone="neutral">Disconnected</StatusBadge>;
  return <StatusBadge tone="warn">Unknown</StatusBadge>;
}

/** "On air" only when the latest publish event says so; "Has published" is what IVS's `published` flag means. */
export function OnAirBadge({ state, detail = false }: { state: OnAir; detail?: boolean }): ReactNode {
  const text = onAirText(state);
  const since = state.kind === 'on-air' || state.kind === 'off-air' ? state.since : undefined;
  const why = offAirReason(state);
  const title = [why, since ? `since ${formatTime(since)}` : ''].filter(Boolean).join(', ') || undefined;
  const badge =
    state.kind === 'on-air' ? (
      <StatusBadge tone="ok">{text}</StatusBadge>
    ) : state.kind === 'never' ? (
      <span className="muted">{text}</span>
    ) : (
      <StatusBadge tone={state.kind === 'unknown' ? 'warn' : 'neutral'}>{text}</StatusBadge>
    );
  return (
    <span className="on-air" title={title} data-on-air={state.kind}>
      {badge}
      {detail && title ? <span className="muted"> ({title})</span> : null}
    </span>
  );
}

const REPLICATION_WORDS: Readonly<Record<string, string>> = { ACTIVE: 'Active', STOPPED: 'Stopped' };

/** An enum value IVS may add later, still said in words ("SOME_NEW_STATE" → "Some new state"), never raw. */
export function enumInWords(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One word and one tone per replication state, for the state badge and the role badge alike. */
function replicationWord(state: string | undefined): string {
  return state ? (REPLICATION_WORDS[state] ?? enumInWords(state)) : 'Unknown';
}
function replicationTone(state: string | undefined): Tone {
  return !state ? 'warn' : state === 'ACTIVE' ? 'ok' : 'neutral';
}

/** A replication's state: ACTIVE is the only live one; anything else, or nothing, is said as such. */
export function ReplicationStateBadge({ state }: { state?: string }): ReactNode {
  return <StatusBadge tone={replicationTone(state)}>{replicationWord(state)}</StatusBadge>;
}

/** A participant's (or a replica's) role in replication with its state. */
export function ReplicationRoleBadge({ type, state }: { type?: string; state?: string }): ReactNode {
  if (!type || type === 'NONE') return <span className="muted">None</span>;
  return (
    <StatusBadge tone={replicationTone(state)}>
      {type === 'SOURCE' ? 'Source' : 'Replica'}, {replicationWord(state)}
    </StatusBadge>
  );
}

const RECORDING_WORDS: Readonly<Record<string, string>> = {
  STARTING: 'Starting',
  ACTIVE: 'Recording',
  STOPPING: 'Stopping',
  STOPPED: 'Stopped',
  FAILED: 'Failed',
  DISABLED: 'Off',
};

export function RecordingBadge({ state }: { state?: string }): ReactNode {
  if (!state || state === 'DISABLED') return <span className="muted">Off</span>;
  const tone = state === 'ACTIVE' ? 'ok' : state === 'FAILED' ? 'bad' : 'neutral';
  return <StatusBadge tone={tone}>{RECORDING_WORDS[state] ?? enumInWords(state)}</StatusBadge>;
}
