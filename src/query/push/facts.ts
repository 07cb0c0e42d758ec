// What one pushed IVS event says, in the console's terms. IVS sends these on a best-effort basis (late, missing,
// duplicated or out of order), so they are hints: facts that are certain are written into the cache, the rest
// only cause a refetch (./merger.ts).
import type { IvsEvent } from '../../aws/events/protocol';

export type FactKind =
  | 'published'
  | 'unpublished'
  | 'publish-error'
  | 'replication-started'
  | 'replication-stopped'
  | 'token-exchanged'
  | 'recording'
  | 'composition'
  | 'other';

export type StageFact = {
  id: string;
  region: string;
  stageArn: string;
  kind: FactKind;
  /** detail.event_name as IVS sent it. */
  name: string;
  detailType: string;
  /** detail.event_time (seen in captured events, not documented), else the envelope's time; whole seconds. */
  timeMs: number;
  sessionId?: string;
  participantId?: string;
  userId?: string;
  errorCode?: string;
  /** The other stage of a replication, when the event names it (field names unconfirmed). */
  otherStageArn?: string;
  /** True when that other stage is the source (the event was sent on the replica's side). */
  otherIsSource?: boolean;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function kindOf(detailType: string, name: string): FactKind {
  if (detailType === 'IVS Participant Recording State Change') return 'recording';
  if (detailType === 'IVS Composition State Change') return 'composition';
  if (detailType !== 'IVS Stage Update') return 'other';
  switch (name) {
    case 'Participant Published':
      return 'published';
    case 'Participant Unpublished':
      return 'unpublished';
    case 'Participant Publish Error':
      return 'publish-error';
  }
  // The exact English strings of the replication and token events are unconfirmed ("Participant Replication
  // Started" is the likely form), so they are matched by their words.
  const n = name.toLowerCase();
  if (n.includes('replication') && n.includes('start')) return 'replication-started';
  if (n.includes('replication') && n.includes('stop')) return 'replication-stopped';
  if (n.includes('token') && n.includes('exchang')) return 'token-exchanged';
  return 'other';
}

const STAGE_ARN = /^arn:aws[a-z-]*:ivs:[a-z0-9-]+:\d{12}:stage\/[A-Za-z0-9]+$/;

/** The event as a fact about one stage, or undefined when it names no stage the console can place. */
export function factOf(e: IvsEvent, region: string): StageFact | undefined {
  const d = e.detail;
  // Composition events name the composition in resources and the stage in detail.stage_arn.
  const stageArn = [str(d.stage_arn), ...e.resources].find((r): r is string => r !== undefined && STAGE_ARN.test(r));
  if (!stageArn) return undefined;
  const name = str(d.event_name) ?? '';
  const when = Date.parse(str(d.event_time) ?? e.time);
  if (Number.isNaN(when)) return undefined;
  const kind = kindOf(e['detail-type'], name);
  const sessionId = str(d.session_id);
  const participantId = str(d.participant_id);
  const userId = str(d.user_id);
  // Field name unconfirmed: error_code is the likely form, by the API's errorCode.
  const errorCode = str(d.error_code) ?? str(d.errorCode);
  // Field names unconfirmed; mirroring the API's destinationStageArn / sourceStageArn.
  // The source's event names the destination; an event on the replica's side names its source (and may name
  // the destination too, which is then the stage itself).
  const destination = str(d.destination_stage_arn) ?? str(d.destinationStageArn);
  const source = str(d.source_stage_arn) ?? str(d.sourceStageArn);
  const onReplicaSide = source !== undefined && source !== stageArn;
  const other = onReplicaSide ? source : destination !== stageArn ? destination : undefined;
  return {
    id: e.id,
    region,
    stageArn,
    kind,
    name,
    detailType: e['detail-type'],
    timeMs: when,
    ...(sessionId ? { sessionId } : {}),
    ...(participantId ? { participantId } : {}),
    ...(userId ? { userId } : {}),
    ...(errorCode ? { errorCode } : {}),
    ...(other ? { otherStageArn: other } : {}),
    ...(onReplicaSide ? { otherIsSource: true } : {}),
  };
}

/** A bounded set of recently seen ids: the oldest is forgotten when full. */
export function createSeenIds(capacity: number): { seen(id: string): boolean; size(): number } {
  const ids = new Set<string>();
  return {
    seen(id) {
      if (ids.has(id)) {
        // Refresh its place so a hot duplicate is not forgotten first.
        ids.delete(id);
        ids.add(id);
        return true;
      }
      ids.add(id);
      if (ids.size > capacity) ids.delete(ids.values().next().value as string);
      return false;
    },
    size: () => ids.size,
  };
}

/**
 * How an event's time compares with what the console already knows. Times are whole seconds, so an event in
 * the same second as the last event or snapshot cannot be ordered: that is `same`, and only a refetch can tell.
 */
export function ordering(eventMs: number, lastEventMs: number | undefined, snapshotMs: number | undefined): 'newer' | 'same' | 'older' {
  const floorSec = (ms: number): number => Math.floor(ms / 1000) * 1000;
  const marks = [lastEventMs, snapshotMs].filter((x): x is number => x !== undefined).map(floorSec);
  const e = floorSec(eventMs);
  if (marks.some((m) => e < m)) return 'older';
  if (marks.some((m) => e === m)) return 'same';
  return 'newer';
}

/** A token bucket for the refetches events cause: `perSecond` refill, `burst` at most. */
export function createTokenBucket(perSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst;
  let at = now();
  const refill = (): void => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - at) / 1000) * perSecond);
    at = t;
  };
  return {
    take(): boolean {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    /** Milliseconds until one token is there. */
    waitMs(): number {
      refill();
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / perSecond) * 1000);
    },
  };
}
