// Arm-and-go: a replication that starts the moment a participant begins publishing. Pure logic and storage; the
// watching and the start live in ArmedReplication.tsx.

import type { StartReplicationInput } from '../../aws/ivs/startParticipantReplication';
import type { Region } from '../../aws/types';
import { draftKey, draftStorage, readDraftsUnder } from '../../auth/drafts';
import type { OnAir } from '../../query/onAir';

/**
 * armed → starting → started | failed. 'starting' is written before the request is sent, so after a reload in
 * the middle of a start the page looks (ListParticipantReplicas) instead of starting again.
 */
export type ArmState =
  | { phase: 'armed' }
  | { phase: 'starting'; at: number }
  | { phase: 'started'; at: number; how: 'started' | 'confirmed' | 'already' | 'other-tab' }
  | { phase: 'failed'; at: number; message: string };

export type Arming = {
  v: 1;
  region: Region;
  input: StartReplicationInput;
  /** The source session the participant is in (GetParticipant needs it). */
  sessionId: string;
  armedAt: number;
  state: ArmState;
};

/** What a look at the participant found. */
export type Observation = { kind: 'publishing' } | { kind: 'waiting' } | { kind: 'gone'; why: string };

export type ArmEvent =
  | { type: 'observed'; seen: Observation; at: number }
  | { type: 'start-begun'; at: number }
  | { type: 'start-done'; at: number; how: 'started' | 'confirmed' | 'already' | 'other-tab' }
  | { type: 'start-failed'; at: number; message: string };

/** The transition function. Events that do not apply in a phase change nothing (so nothing can start twice). */
export function armStep(s: ArmState, e: ArmEvent): ArmState {
  switch (e.type) {
    case 'observed':
      if (s.phase !== 'armed') return s;
      return e.seen.kind === 'gone' ? { phase: 'failed', at: e.at, message: e.seen.why } : s;
    case 'start-begun':
      return s.phase === 'armed' ? { phase: 'starting', at: e.at } : s;
    case 'start-done':
      return s.phase === 'starting' || s.phase === 'armed' ? { phase: 'started', at: e.at, how: e.how } : s;
    case 'start-failed':
      return s.phase === 'starting' ? { phase: 'failed', at: e.at, message: e.message } : s;
  }
}

/** Should this look lead to a start? Only when armed and the participant publishes. */
export function shouldStart(s: ArmState, seen: Observation | undefined): boolean {
  return s.phase === 'armed' && seen?.kind === 'publishing';
}

/** Watching (polling) only while armed. */
export function isWatching(s: ArmState): boolean {
  return s.phase === 'armed';
}

/** What GetParticipant (and, once it has published, its latest publish event) says, as an observation. */
export function observe(p: { state?: string; published?: boolean; onAir?: OnAir } | undefined): Observation {
  if (!p) return { kind: 'waiting' };
  if (p.state === 'DISCONNECTED') return { kind: 'gone', why: 'The participant left before publishing; nothing was started.' };
  // `published` stays true after a publisher stops, so once it is set only the latest publish event tells
  // whether the participant is on air again; an unknown answer keeps waiting.
  if (p.onAir) return p.onAir.kind === 'on-air' ? { kind: 'publishing' } : { kind: 'waiting' };
  return p.published ? { kind: 'publishing' } : { kind: 'waiting' };
}

/** Seconds until the next look, never negative. */
export function secondsUntil(nextAt: number, now: number): number {
  return Math.max(0, Math.ceil((nextAt - now) / 1000));
}

// ---- storage: sessionStorage of this tab, under the user's sub (wiped at sign-out with the drafts) ----

export function pairKey(region: Region, i: Pick<StartReplicationInput, 'sourceStageArn' | 'participantId' | 'destinationStageArn'>): string {
  return `arm:${region}|${i.sourceStageArn}|${i.participantId}|${i.destinationStageArn}`;
}

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isArming(v: unknown): v is Arming {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Partial<Arming>;
  return (
    a.v === 1 &&
    typeof a.region === 'string' &&
    typeof a.sessionId === 'string' &&
    typeof a.armedAt === 'number' &&
    typeof a.input?.sourceStageArn === 'string' &&
    typeof a.input.destinationStageArn === 'string' &&
    typeof a.input.participantId === 'string' &&
    typeof a.state?.phase === 'string'
  );
}

/** Every arming of this user in this region, oldest first. */
export function loadArmings(sub: string | undefined, region: Region, store: Storage | null = draftStorage()): Arming[] {
  return readDraftsUnder(sub, `arm:${region}|`, isArming, store).sort((a, b) => a.armedAt - b.armedAt);
}

export function saveArming(sub: string | undefined, a: Arming, store: Storage | null = draftStorage()): void {
  if (!sub) return;
  try {
    store?.setItem(draftKey(sub, pairKey(a.region, a.input)), JSON.stringify(a));
  } catch {
    // Storage full or blocked: the arming still works until the page goes.
  }
}

export function removeArming(sub: string | undefined, a: Pick<Arming, 'region' | 'input'>, store: Storage | null = draftStorage()): void {
  if (sub) store?.removeItem(draftKey(sub, pairKey(a.region, a.input)));
}

// ---- the lease: which tab may start a pair (localStorage, shared by the tabs of this browser) ----

export const LEASE_MS = 15_000;
const LEASE_PREFIX = 'greenroom.arm-lease:';

export type Lease = { owner: string; until: number; done?: boolean };

/** This page load's id: a reload is a new owner, and the persisted 'starting' phase covers that case. */
export const TAB_ID = Math.random().toString(36).slice(2, 10);

function readLease(store: Storage | null, key: string): Lease | undefined {
  try {
    const v = JSON.parse(store?.getItem(LEASE_PREFIX + key) ?? 'null') as Lease | null;
    return v && typeof v.owner === 'string' && typeof v.until === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

export type LeaseResult = 'acquired' | 'held-by-other' | 'done-by-other';

/**
 * Takes the lease for a pair unless another tab holds a live one or has finished it. Not atomic across tabs, so
 * the write is read back; a race that still slips through ends in IVS's Conflict, which startAndConfirm reports as
 * "already replicating" without a second start.
 */
export function acquireLease(key: string, owner: string, now: number, store: Storage | null = local()): LeaseResult {
  const cur = readLease(store, key);
  if (cur && cur.owner !== owner && cur.until > now) return cur.done ? 'done-by-other' : 'held-by-other';
  try {
    store?.setItem(LEASE_PREFIX + key, JSON.stringify({ owner, until: now + LEASE_MS } satisfies Lease));
  } catch {
    return 'acquired';
  }
  return readLease(store, key)?.owner === owner ? 'acquired' : 'held-by-other';
}

/** Marks the pair as started, so other tabs armed for it stand down. */
export function finishLease(key: string, owner: string, now: number, store: Storage | null = local()): void {
  try {
    store?.setItem(LEASE_PREFIX + key, JSON.stringify({ owner, until: now + 10 * LEASE_MS, done: true } satisfies Lease));
  } catch {
    // Without storage, the Conflict path still prevents a second replication.
  }
}

export function releaseLease(key: string, owner: string, store: Storage | null = local()): void {
  if (readLease(store, key)?.owner === owner) store?.removeItem(LEASE_PREFIX + key);
}

/** A fresh arming forgets an old finished lease of the same pair (e.g. the replication was stopped since). */
export function clearLease(key: string, store: Storage | null = local()): void {
  store?.removeItem(LEASE_PREFIX + key);
}
