// Kick and watch: after a disconnect, follow whether the same user id comes back into the stage.
// Pure rules (which sessions to search, what counts as a rejoin, when a watch ends) plus a small per-tab store.
// The polling lives in RejoinWatch.tsx.

import type { ParticipantSummary, Region, StageSession } from '../../../aws/types';
import { draftKey, draftStorage, readDraftsUnder } from '../../../auth/drafts';
import { formatClock, formatDuration } from '../../../query/time';

/** A watch ends by itself this long after the disconnect. */
export const WATCH_MS = 15 * 60_000;
/** Sessions searched per look: the live one and, while it lingers, the one the participant was dropped from. */
export const MAX_SESSIONS_PER_LOOK = 2;
/** Most watches a tab keeps; starting one more forgets the oldest. */
export const MAX_WATCHES = 10;
/**
 * The kick time is the browser's clock, join times are IVS's. AWS is silent on how far they may differ (SigV4 only
 * refuses more than 5 minutes); a join up to this much "before" the kick still counts as after it. Joins missed by
 * a larger skew are still caught: anything not in the first look's list is new (see `baseline`).
 */
export const CLOCK_SLACK_MS = 10_000;

export type Rejoin = { participantId: string; sessionId: string; at: string | number };

export type WatchState =
  | { phase: 'watching' }
  | ({ phase: 'rejoined' } & Rejoin)
  | { phase: 'ended'; at: number }
  /** The participant had no user id: there is nothing to follow. */
  | { phase: 'unfollowable' };

export type RejoinWatch = {
  v: 1;
  region: Region;
  stageArn: string;
  userId?: string;
  kicked: { participantId: string; sessionId: string };
  /** When the disconnect succeeded (browser clock, ms). */
  since: number;
  /** `session|participant` keys of the user's connections in the first look after the kick; unset until then. */
  baseline?: string[];
  /** A look has seen the kicked participant DISCONNECTED (so CONNECTED later means it came back with its token). */
  kickedLeft?: boolean;
  state: WatchState;
};

export type KickedParticipant = { region: Region; stageArn: string; sessionId: string; participantId: string; userId?: string };

/** One watch per user id and stage (a participant without user id is keyed by its own id). */
export function watchKey(w: Pick<RejoinWatch, 'region' | 'stageArn' | 'userId' | 'kicked'>): string {
  return `rejoin:${w.region}|${w.stageArn}|${w.userId !== undefined ? `user:${w.userId}` : `participant:${w.kicked.participantId}`}`;
}

export function newWatch(k: KickedParticipant, now: number): RejoinWatch {
  // An empty user id is "no user id" too: ListParticipants cannot filter by it.
  const userId = k.userId ? k.userId : undefined;
  return {
    v: 1,
    region: k.region,
    stageArn: k.stageArn,
    ...(userId !== undefined ? { userId } : {}),
    kicked: { participantId: k.participantId, sessionId: k.sessionId },
    since: now,
    state: userId !== undefined ? { phase: 'watching' } : { phase: 'unfollowable' },
  };
}

/** Still polling: watching and not yet past its end. */
export function isPolling(w: RejoinWatch, now: number): boolean {
  return w.state.phase === 'watching' && now < w.since + WATCH_MS;
}

const started = (s: StageSession): number => Date.parse(s.startTime ?? '') || 0;

/**
 * The sessions a rejoin can be in, newest first: those still running, or ended after the kick (the kicked
 * session ends when the last participant goes, and a quick rejoin may have been in it before it did).
 */
export function sessionsToSearch(sessions: readonly StageSession[], since: number): string[] {
  return [...sessions]
    .filter((s) => !s.endTime || Date.parse(s.endTime) >= since - CLOCK_SLACK_MS)
    .sort((a, b) => started(b) - started(a))
    .slice(0, MAX_SESSIONS_PER_LOOK)
    .map((s) => s.sessionId);
}

/** What one look found: the user's connections in each searched session. */
export type Seen = { sessionId: string; participant: ParticipantSummary };

const keyOf = (s: Seen): string => `${s.sessionId}|${s.participant.participantId}`;

/**
 * The rejoin in a look, if any: the earliest connection of the same user id (a replica is a copy, not the user)
 * that joined after the kick, or that was not there in the first look; or the kicked participant itself connected
 * again (its token stays valid) after a look saw it gone.
 */
export function findRejoin(w: RejoinWatch, seen: readonly Seen[], now: number): Rejoin | undefined {
  const found: Rejoin[] = [];
  for (const s of seen) {
    const p = s.participant;
    if (p.userId !== w.userId || p.replicationType === 'REPLICA') continue;
    if (p.participantId === w.kicked.participantId && s.sessionId === w.kicked.sessionId) {
      if (p.state === 'CONNECTED' && w.kickedLeft) found.push({ participantId: p.participantId, sessionId: s.sessionId, at: now });
      continue;
    }
    const joined = Date.parse(p.firstJoinTime ?? '');
    const afterKick = joined >= w.since - CLOCK_SLACK_MS;
    const newSinceFirstLook = w.baseline !== undefined && !w.baseline.includes(keyOf(s));
    if (afterKick || newSinceFirstLook) found.push({ participantId: p.participantId, sessionId: s.sessionId, at: p.firstJoinTime ?? now });
  }
  const time = (r: Rejoin): number => (typeof r.at === 'number' ? r.at : Date.parse(r.at));
  return found.sort((a, b) => time(a) - time(b))[0];
}

/** The watch after a look at `seen` (answers fetched after the kick only). Unchanged watches come back as is. */
export function afterLook(w: RejoinWatch, seen: readonly Seen[], now: number): RejoinWatch {
  if (w.state.phase !== 'watching') return w;
  if (now >= w.since + WATCH_MS) return { ...w, state: { phase: 'ended', at: w.since + WATCH_MS } };
  const rejoin = findRejoin(w, seen, now);
  if (rejoin) return { ...w, state: { phase: 'rejoined', ...rejoin } };
  const left =
    !w.kickedLeft &&
    seen.some((s) => s.sessionId === w.kicked.sessionId && s.participant.participantId === w.kicked.participantId && s.participant.state === 'DISCONNECTED');
  if (w.baseline !== undefined && !left) return w;
  return { ...w, baseline: w.baseline ?? seen.map(keyOf), ...(left ? { kickedLeft: true } : {}) };
}

/** The watch once its time is up (no look needed). */
export function afterTick(w: RejoinWatch, now: number): RejoinWatch {
  return w.state.phase === 'watching' && now >= w.since + WATCH_MS ? { ...w, state: { phase: 'ended', at: w.since + WATCH_MS } } : w;
}

/** The time of day of a watch's moments, as every view shows one. */
export const clock = (t: number | string): string => formatClock(t);

/** "12 s", "3 min 05 s". */
export function elapsed(since: number, now: number): string {
  return formatDuration(now - since);
}

// ---- the store: this tab's watches, in memory and in sessionStorage (a reload keeps them) ----
// Kept under the signed-in user's sub with the drafts' prefix, so sign-out wipes them with the drafts.

function isWatch(v: unknown): v is RejoinWatch {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Partial<RejoinWatch>;
  return (
    w.v === 1 &&
    typeof w.region === 'string' &&
    typeof w.stageArn === 'string' &&
    (w.userId === undefined || typeof w.userId === 'string') &&
    typeof w.kicked?.participantId === 'string' &&
    typeof w.kicked.sessionId === 'string' &&
    typeof w.since === 'number' &&
    typeof w.state?.phase === 'string'
  );
}

export function loadWatches(sub: string | undefined, store: Storage | null = draftStorage()): RejoinWatch[] {
  return readDraftsUnder(sub, 'rejoin:', isWatch, store).sort((a, b) => a.since - b.since);
}

let current: { sub: string | undefined; list: readonly RejoinWatch[] } | undefined;
const listeners = new Set<() => void>();

/** This tab's watches (the same array until one changes, as useSyncExternalStore needs). */
export function rejoinWatches(sub: string | undefined): readonly RejoinWatch[] {
  if (!current || current.sub !== sub) current = { sub, list: loadWatches(sub) };
  return current.list;
}

export function subscribeWatches(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

function commit(sub: string | undefined, list: readonly RejoinWatch[]): void {
  current = { sub, list };
  listeners.forEach((l) => l());
}

/** Starts, restarts or updates the watch for a kicked participant; the oldest beyond MAX_WATCHES are forgotten. */
export function putWatch(sub: string | undefined, w: RejoinWatch): void {
  const key = watchKey(w);
  const old = rejoinWatches(sub);
  const list = old.some((x) => watchKey(x) === key) ? old.map((x) => (watchKey(x) === key ? w : x)) : [...old, w];
  const dropped = list.length > MAX_WATCHES ? list.splice(0, list.length - MAX_WATCHES) : [];
  const store = draftStorage();
  if (sub && store) {
    try {
      for (const d of dropped) store.removeItem(draftKey(sub, watchKey(d)));
      store.setItem(draftKey(sub, key), JSON.stringify(w));
    } catch {
      // Storage full or blocked: the watch still runs until the page goes.
    }
  }
  commit(sub, list);
}

export function dropWatch(sub: string | undefined, key: string): void {
  if (sub) draftStorage()?.removeItem(draftKey(sub, key));
  commit(sub, rejoinWatches(sub).filter((x) => watchKey(x) !== key));
}

/** Starts the watch for a participant just disconnected (called when DisconnectParticipant succeeds). */
export function startRejoinWatch(sub: string | undefined, k: KickedParticipant, now = Date.now()): void {
  putWatch(sub, newWatch(k, now));
}
