// Pushed stage events merged into the react-query cache. Events are hints (best-effort: late, missing,
// duplicated, out of order), so: duplicates are dropped by event id; a publish fact is written into the cache
// only when it is newer than both the last event and the last snapshot of that participant; everything else,
// and anything whose order cannot be told, becomes a debounced refetch of that stage's queries, paced by a
// global token bucket so that a storm of events cannot spend the IVS rate limits. After every subscribe the
// covered queries are refetched, since nothing sent while disconnected is replayed.
import type { QueryClient } from '@tanstack/react-query';
import type { IvsEvent } from '../../aws/events/protocol';
import type { Page, Participant, ParticipantEvent, ParticipantSummary } from '../../aws/types';
import { createSeenIds, createTokenBucket, factOf, ordering, type StageFact } from './facts';
import { isoTime } from '../time';

export type MergeCounts = {
  received: number;
  duplicates: number;
  unplaced: number;
  applied: number;
  older: number;
  sameSecond: number;
  refetches: number;
  refetchesDeferred: number;
  resyncs: number;
};

export type MergeVerdict = 'newer' | 'same' | 'older';
export type MergeListener = (fact: StageFact, verdict: MergeVerdict) => void;

export type Merger = {
  /** One event off the socket; returns the fact unless it was a duplicate or names no stage. */
  handle(event: IvsEvent, region: string): StageFact | undefined;
  /** A subscription is (again) in place: refetch what it covers. */
  resync(region: string, channel: string): void;
  counts(): MergeCounts;
  dispose(): void;
};

export type MergerOptions = {
  /** Quiet time before a stage's refetch goes out; events within it share one refetch. */
  debounceMs?: number;
  /** Refetch rounds per second across all stages, and the burst. */
  refetchPerSecond?: number;
  refetchBurst?: number;
  now?: () => number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(t: unknown): void };
};

export const SEEN_IDS = 5_000;
const LAST_EVENTS = 20_000;

// The cache keys the merger writes or refetches. They are the keys of the views' queries (features/*/queries.ts
// and query/onAir.ts), which run generic → specific and start with ['ivs', region].
const keys = {
  region: (region: string) => ['ivs', region] as const,
  stageList: (region: string) => ['ivs', region, 'stages', 'list'] as const,
  stage: (region: string, arn: string) => ['ivs', region, 'stages', 'detail', arn] as const,
  liveCounts: (region: string, arn: string) => ['ivs', region, 'stages', 'detail', arn, 'live-counts'] as const,
  participants: (region: string, arn: string) => ['ivs', region, 'participants', 'stage', arn] as const,
  session: (region: string, arn: string, sid: string) => ['ivs', region, 'participants', 'stage', arn, 'session', sid] as const,
  replicas: (region: string) => ['ivs', region, 'replicas'] as const,
};

const PUBLISH_EVENT: Partial<Record<StageFact['kind'], string>> = {
  published: 'PUBLISH_STARTED',
  unpublished: 'PUBLISH_STOPPED',
  'publish-error': 'PUBLISH_ERROR',
};

const defaultTimers = {
  set: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clear: (t: unknown): void => clearTimeout(t as ReturnType<typeof setTimeout>),
};

export function createMerger(qc: QueryClient, listener: MergeListener = () => undefined, o: MergerOptions = {}): Merger {
  const now = o.now ?? Date.now;
  const timers = o.timers ?? defaultTimers;
  const debounceMs = o.debounceMs ?? 2_000;
  // At most two refetch rounds a second (each touches only the queries on screen), five at once.
  const bucket = createTokenBucket(o.refetchPerSecond ?? 2, o.refetchBurst ?? 5, now);
  const seen = createSeenIds(SEEN_IDS);
  const lastEvent = new Map<string, number>();
  const pending = new Map<string, unknown>();
  const counts: MergeCounts = { received: 0, duplicates: 0, unplaced: 0, applied: 0, older: 0, sameSecond: 0, refetches: 0, refetchesDeferred: 0, resyncs: 0 };
  let disposed = false;

  function remember(key: string, ms: number): void {
    lastEvent.delete(key);
    lastEvent.set(key, ms);
    if (lastEvent.size > LAST_EVENTS) lastEvent.delete(lastEvent.keys().next().value as string);
  }

  /** Refetch the queries under these keys once things are quiet, within the bucket. */
  function schedule(id: string, queryKeys: readonly (readonly unknown[])[], delay = debounceMs): void {
    if (disposed || pending.has(id)) return;
    pending.set(
      id,
      timers.set(() => {
        pending.delete(id);
        if (disposed) return;
        if (!bucket.take()) {
          counts.refetchesDeferred++;
          schedule(id, queryKeys, Math.max(bucket.waitMs(), 100));
          return;
        }
        counts.refetches++;
        for (const queryKey of queryKeys) void qc.invalidateQueries({ queryKey });
      }, delay),
    );
  }

  function scheduleStage(f: StageFact): void {
    schedule(`stage|${f.region}|${f.stageArn}`, [keys.stage(f.region, f.stageArn), keys.participants(f.region, f.stageArn), keys.replicas(f.region)]);
    if (f.otherStageArn) {
      schedule(`stage|${f.region}|${f.otherStageArn}`, [keys.stage(f.region, f.otherStageArn), keys.participants(f.region, f.otherStageArn)]);
    }
  }

  /** The time of the latest snapshot of this participant's publish events (its events query), if cached. */
  function eventsSnapshot(f: StageFact & { sessionId: string; participantId: string }): number | undefined {
    let at: number | undefined;
    for (const q of qc.getQueryCache().findAll({ queryKey: [...keys.session(f.region, f.stageArn, f.sessionId), 'events', { participantId: f.participantId }] })) {
      if (q.state.data !== undefined) at = Math.max(at ?? 0, q.state.dataUpdatedAt);
    }
    return at;
  }

  /** `published` never goes back within a session, so it is set whatever the order. True if a cached row had it. */
  function markPublished(f: StageFact & { sessionId: string; participantId: string }): boolean {
    let found = false;
    const base = keys.session(f.region, f.stageArn, f.sessionId);
    // Each written with its own snapshot time, so freshness labels keep saying when IVS last answered.
    for (const q of qc.getQueryCache().findAll({ queryKey: [...base, 'page'] })) {
      const page = q.state.data as Page<ParticipantSummary> | undefined;
      const row = page?.items.find((p) => p.participantId === f.participantId);
      if (!page || !row) continue;
      found = true;
      if (!row.published) {
        const items = page.items.map((p) => (p === row ? { ...p, published: true } : p));
        qc.setQueryData(q.queryKey, { ...page, items }, { updatedAt: q.state.dataUpdatedAt });
      }
    }
    for (const q of qc.getQueryCache().findAll({ queryKey: [...base, 'detail', { participantId: f.participantId }] })) {
      const p = q.state.data as Participant | undefined;
      if (!p) continue;
      found = true;
      if (!p.published) qc.setQueryData(q.queryKey, { ...p, published: true }, { updatedAt: q.state.dataUpdatedAt });
    }
    return found;
  }

  function applyPublish(f: StageFact & { sessionId: string; participantId: string }): MergeVerdict {
    const key = `${f.region}|${f.stageArn}|${f.sessionId}|${f.participantId}`;
    const verdict = ordering(f.timeMs, lastEvent.get(key), eventsSnapshot(f));
    const known = f.kind === 'published' ? markPublished(f) : true;
    if (!known) scheduleStage(f);
    if (verdict === 'older') {
      counts.older++;
      return verdict;
    }
    remember(key, Math.max(f.timeMs, lastEvent.get(key) ?? 0));
    if (verdict === 'same') {
      counts.sameSecond++;
      scheduleStage(f);
      return verdict;
    }
    counts.applied++;
    const event: ParticipantEvent = {
      name: PUBLISH_EVENT[f.kind] as string,
      participantId: f.participantId,
      eventTime: isoTime(f.timeMs),
      replica: false,
      ...(f.errorCode ? { errorCode: f.errorCode } : {}),
    };
    // Written with the snapshot's own time: an event is not a snapshot, and the next event must still be
    // compared with what IVS last answered.
    for (const q of qc.getQueryCache().findAll({ queryKey: [...keys.session(f.region, f.stageArn, f.sessionId), 'events', { participantId: f.participantId }] })) {
      const list = q.state.data as ParticipantEvent[] | undefined;
      if (list) qc.setQueryData(q.queryKey, [...list, event], { updatedAt: q.state.dataUpdatedAt });
    }
    // The stage list's on-air counts read the same events cache; let them recount soon.
    schedule(`counts|${f.region}|${f.stageArn}`, [keys.liveCounts(f.region, f.stageArn)]);
    return verdict;
  }

  /** A stage the cached list shows without this session: the list is behind (a session started or changed). */
  function checkList(f: StageFact): void {
    const list = qc.getQueryData<{ arn: string; activeSessionId?: string }[]>(keys.stageList(f.region));
    if (!Array.isArray(list) || !f.sessionId) return;
    const row = list.find((s) => s.arn === f.stageArn);
    if (row && row.activeSessionId !== f.sessionId) schedule(`list|${f.region}`, [keys.stageList(f.region)]);
  }

  return {
    handle(event, region) {
      counts.received++;
      if (seen.seen(event.id)) {
        counts.duplicates++;
        return undefined;
      }
      const f = factOf(event, region);
      if (!f) {
        counts.unplaced++;
        return undefined;
      }
      checkList(f);
      let verdict: MergeVerdict = 'newer';
      if (PUBLISH_EVENT[f.kind] && f.sessionId && f.participantId) {
        verdict = applyPublish(f as StageFact & { sessionId: string; participantId: string });
      } else {
        scheduleStage(f);
      }
      listener(f, verdict);
      return f;
    },
    resync(region, channel) {
      counts.resyncs++;
      const id = channel.split('/').pop() ?? '';
      if (channel.endsWith('*')) void qc.invalidateQueries({ queryKey: keys.region(region) });
      else {
        const match = (arn: string): boolean => arn.split('/').pop() === id;
        void qc.invalidateQueries({
          predicate: (q) => q.queryKey[0] === 'ivs' && q.queryKey[1] === region && q.queryKey.some((k) => typeof k === 'string' && k.startsWith('arn:') && match(k)),
        });
      }
    },
    counts: () => ({ ...counts }),
    dispose() {
      disposed = true;
      for (const t of pending.values()) timers.clear(t);
      pending.clear();
    },
  };
}
