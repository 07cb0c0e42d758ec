import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { IvsEvent } from '../../aws/events/protocol';
import type { Page, ParticipantEvent, ParticipantSummary } from '../../aws/types';
import { deriveOnAir } from '../onAir';
import { createSeenIds, createTokenBucket, factOf, ordering } from './facts';
import { createMerger } from './merger';

const ARN = 'arn:aws:ivs:us-east-1:123456789012:stage/AbCdef1G2hij';
const R = 'us-east-1';
const SID = 'st-1';
const key = { stageArn: ARN, sessionId: SID, participantId: 'p1' };
const eventsKey = ['ivs', R, 'participants', 'stage', ARN, 'session', SID, 'events', key];
const pageKey = ['ivs', R, 'participants', 'stage', ARN, 'session', SID, 'page', { kind: 'none' }, 0];

let n = 0;
const ev = (name: string, time: string, extra: Record<string, unknown> = {}): IvsEvent => ({
  id: `e${++n}`,
  'detail-type': 'IVS Stage Update',
  source: 'aws.ivs',
  time,
  region: R,
  resources: [ARN],
  detail: { event_name: name, session_id: SID, participant_id: 'p1', user_id: 'u1', ...extra },
});

function setup(snapshotAt: number) {
  const qc = new QueryClient();
  const fired: { fn: () => void; ms: number }[] = [];
  const timers = {
    set: (fn: () => void, ms: number) => {
      const t = { fn, ms };
      fired.push(t);
      return t;
    },
    clear: () => undefined,
  };
  const clock = { t: snapshotAt };
  const joined: ParticipantEvent[] = [
    { name: 'JOINED', participantId: 'p1', eventTime: new Date(snapshotAt - 5000).toISOString(), replica: false },
  ];
  qc.setQueryData(eventsKey, joined, { updatedAt: snapshotAt });
  const page: Page<ParticipantSummary> = { items: [{ participantId: 'p1', state: 'CONNECTED', published: false, replicationType: 'NONE' }] };
  qc.setQueryData(pageKey, page, { updatedAt: snapshotAt });
  const merger = createMerger(qc, undefined, { now: () => clock.t, timers });
  const onAir = () => {
    const p = qc.getQueryData<Page<ParticipantSummary>>(pageKey)!.items[0]!;
    return deriveOnAir(p, qc.getQueryData<ParticipantEvent[]>(eventsKey)).kind;
  };
  return { qc, merger, fired, onAir };
}

describe('push merge', () => {
  const T0 = Date.parse('2026-12-05T10:00:00.400Z');

  it('writes a newer publish and unpublish into the cache, so on-air follows without a refetch', () => {
    const { merger, onAir, fired } = setup(T0);
    merger.handle(ev('Participant Published', '2026-12-05T10:00:01Z'), R);
    expect(onAir()).toBe('on-air');
    merger.handle(ev('Participant Unpublished', '2026-12-05T10:00:02Z'), R);
    expect(onAir()).toBe('off-air');
    expect(merger.counts()).toMatchObject({ received: 2, applied: 2 });
    // Only the stage list's counts are asked to recount, and only once.
    expect(fired).toHaveLength(1);
  });

  it('drops duplicates by id and events older than the snapshot or the last event', () => {
    const { merger, onAir } = setup(T0);
    const pub = ev('Participant Published', '2026-12-05T10:00:03Z');
    merger.handle(pub, R);
    merger.handle(pub, R);
    merger.handle(ev('Participant Unpublished', '2026-12-05T09:59:00Z'), R);
    merger.handle(ev('Participant Unpublished', '2026-12-05T10:00:02Z'), R);
    expect(onAir()).toBe('on-air');
    expect(merger.counts()).toMatchObject({ duplicates: 1, older: 2, applied: 1 });
  });

  it('refetches instead of guessing when an event shares the second of the last one', () => {
    const { merger, fired, onAir } = setup(T0);
    merger.handle(ev('Participant Published', '2026-12-05T10:00:05Z'), R);
    merger.handle(ev('Participant Unpublished', '2026-12-05T10:00:05Z'), R);
    expect(onAir()).toBe('on-air');
    expect(merger.counts().sameSecond).toBe(1);
    expect(fired.map((t) => t.ms)).toEqual([2000, 2000]);
  });

  it('turns other events into one debounced refetch per stage, paced by the token bucket', async () => {
    const qc = new QueryClient();
    const fired: { fn: () => void; ms: number }[] = [];
    const clock = { t: 0 };
    const merger = createMerger(qc, undefined, {
      refetchPerSecond: 1,
      refetchBurst: 1,
      now: () => clock.t,
      timers: { set: (fn, ms) => fired.push({ fn, ms }), clear: () => undefined },
    });
    for (let i = 0; i < 5; i++) merger.handle(ev('Participant Replication Started', '2026-12-05T10:00:05Z', { destination_stage_arn: ARN.replace('AbCdef1G2hij', 'Other1') }), R);
    expect(fired).toHaveLength(2); // this stage and the other one
    fired[0]!.fn();
    fired[1]!.fn();
    expect(merger.counts()).toMatchObject({ refetches: 1, refetchesDeferred: 1 });
    expect(fired[2]!.ms).toBe(1000);
  });

  it('reads facts from the envelope and detail, and the helpers behave', () => {
    const f = factOf(ev('Participant Publish Error', '2026-12-05T10:00:05Z', { error_code: 'BITRATE_EXCEEDED', event_time: '2026-12-05T10:00:04Z' }), R);
    expect(f).toMatchObject({ kind: 'publish-error', errorCode: 'BITRATE_EXCEEDED', timeMs: Date.parse('2026-12-05T10:00:04Z'), userId: 'u1' });
    const comp = factOf({ ...ev('Session Start', '2026-12-05T10:00:05Z', { stage_arn: ARN }), 'detail-type': 'IVS Composition State Change', resources: ['arn:aws:ivs:us-east-1:123456789012:composition/Xyz'] }, R);
    expect(comp).toMatchObject({ kind: 'composition', stageArn: ARN });
    expect(factOf({ ...ev('x', '2026-12-05T10:00:05Z'), resources: ['nope'] }, R)).toBeUndefined();
    expect(ordering(Date.parse('2026-12-05T10:00:01Z'), undefined, T0)).toBe('newer');
    expect(ordering(Date.parse('2026-12-05T10:00:00Z'), undefined, T0)).toBe('same');
    expect(ordering(Date.parse('2026-12-05T09:59:59Z'), undefined, T0)).toBe('older');
    const s = createSeenIds(2);
    expect([s.seen('a'), s.seen('b'), s.seen('c'), s.seen('a')]).toEqual([false, false, false, false]);
    expect(s.size()).toBe(2);
    let t = 0;
    const b = createTokenBucket(2, 1, () => t);
    expect([b.take(), b.take()]).toEqual([true, false]);
    expect(b.waitMs()).toBe(500);
    t = 500;
    expect(b.take()).toBe(true);
  });

  it('sets published on a cached row whatever the order, and refetches a stage whose participant it does not know', () => {
    const { qc, merger, fired } = setup(T0);
    merger.handle(ev('Participant Published', '2026-12-05T09:00:00Z'), R);
    expect(qc.getQueryData<Page<ParticipantSummary>>(pageKey)!.items[0]!.published).toBe(true);
    merger.handle(ev('Participant Published', '2026-12-05T10:00:09Z', { participant_id: 'stranger' }), R);
    expect(fired.some((t) => t.ms === 2000)).toBe(true);
  });
});
