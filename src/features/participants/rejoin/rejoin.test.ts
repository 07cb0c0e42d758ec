import { describe, expect, it } from 'vitest';
import type { ParticipantSummary } from '../../../aws/types';
import { formatClock } from '../../../query/time';
import {
  afterLook,
  afterTick,
  clock,
  CLOCK_SLACK_MS,
  dropWatch,
  elapsed,
  findRejoin,
  isPolling,
  loadWatches,
  MAX_WATCHES,
  newWatch,
  putWatch,
  rejoinWatches,
  sessionsToSearch,
  startRejoinWatch,
  subscribeWatches,
  watchKey,
  WATCH_MS,
  type Seen,
} from './rejoin';

const STAGE = 'arn:aws:ivs:us-east-1:123456789012:stage/abcdEFGH1234';
const S1 = 'st-aaaaaaaaaaaaa';
const S2 = 'st-bbbbbbbbbbbbb';
const KICK = Date.parse('2025-05-01T10:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

const kicked = { region: 'us-east-1', stageArn: STAGE, sessionId: S1, participantId: 'p-old', userId: 'maria-42' };

function seen(sessionId: string, participantId: string, over: Partial<ParticipantSummary> = {}): Seen {
  return {
    sessionId,
    participant: { participantId, userId: 'maria-42', state: 'CONNECTED', firstJoinTime: iso(KICK + 5000), published: false, replicationType: 'NONE', ...over },
  };
}

describe('rejoin watch rules', () => {
  it('a new participant id of the same user after the kick is the rejoin, with its join time', () => {
    const w = newWatch(kicked, KICK);
    const look = [seen(S1, 'p-old', { state: 'DISCONNECTED', firstJoinTime: iso(KICK - 60_000) }), seen(S1, 'p-new')];
    const next = afterLook(w, look, KICK + 6000);
    expect(next.state).toEqual({ phase: 'rejoined', participantId: 'p-new', sessionId: S1, at: iso(KICK + 5000) });
    expect(isPolling(next, KICK + 6000)).toBe(false);
    // Nothing changes a rejoined watch any more.
    expect(afterLook(next, [seen(S2, 'p-later')], KICK + 9000)).toBe(next);
  });

  it('the kicked participant itself, another earlier connection and a replica are not a rejoin', () => {
    const w = newWatch(kicked, KICK);
    const look = [
      seen(S1, 'p-old', { state: 'DISCONNECTED', firstJoinTime: iso(KICK - 60_000) }),
      seen(S1, 'p-tablet', { firstJoinTime: iso(KICK - 120_000) }),
      seen(S1, 'p-replica', { replicationType: 'REPLICA' }),
      seen(S1, 'p-other-user', { userId: 'maria-43' }),
    ];
    const next = afterLook(w, look, KICK + 3000);
    expect(next.state).toEqual({ phase: 'watching' });
    // The first look is remembered, and that the kicked participant was seen gone.
    expect(next.baseline).toEqual([`${S1}|p-old`, `${S1}|p-tablet`, `${S1}|p-replica`, `${S1}|p-other-user`]);
    expect(next.kickedLeft).toBe(true);
    // The same answers again change nothing (no store write on every poll).
    expect(afterLook(next, look, KICK + 6000)).toBe(next);
  });

  it('a connection missing from the first look is a rejoin even when a skewed clock puts its join before the kick', () => {
    const first = afterLook(newWatch(kicked, KICK), [seen(S1, 'p-old', { state: 'DISCONNECTED', firstJoinTime: iso(KICK - 60_000) })], KICK + 1000);
    const skewed = seen(S2, 'p-new', { firstJoinTime: iso(KICK - CLOCK_SLACK_MS - 30_000) });
    expect(findRejoin(first, [skewed], KICK + 4000)).toEqual({ participantId: 'p-new', sessionId: S2, at: skewed.participant.firstJoinTime });
    // Without a first look to compare with, the same join time is taken as before the kick.
    expect(findRejoin(newWatch(kicked, KICK), [skewed], KICK + 4000)).toBeUndefined();
  });

  it('the kicked participant connected again with its token counts once it has been seen gone', () => {
    const w = newWatch(kicked, KICK);
    const back = seen(S1, 'p-old', { state: 'CONNECTED', firstJoinTime: iso(KICK - 60_000) });
    // Still listed as connected right after the kick: not yet a rejoin.
    expect(afterLook(w, [back], KICK + 500).state).toEqual({ phase: 'watching' });
    const gone = afterLook(w, [seen(S1, 'p-old', { state: 'DISCONNECTED', firstJoinTime: iso(KICK - 60_000) })], KICK + 500);
    expect(afterLook(gone, [back], KICK + 4000).state).toEqual({ phase: 'rejoined', participantId: 'p-old', sessionId: S1, at: KICK + 4000 });
  });

  it('the earliest of several rejoins is reported', () => {
    const look = [seen(S2, 'p-b', { firstJoinTime: iso(KICK + 9000) }), seen(S2, 'p-a', { firstJoinTime: iso(KICK + 2000) })];
    expect(findRejoin(newWatch(kicked, KICK), look, KICK + 10_000)?.participantId).toBe('p-a');
  });

  it('searches the newest sessions not ended before the kick, newest first, at most two', () => {
    const sessions = [
      { sessionId: 'st-ended-before', startTime: iso(KICK - 7_200_000), endTime: iso(KICK - 3_600_000) },
      { sessionId: S1, startTime: iso(KICK - 600_000), endTime: iso(KICK + 20_000) },
      { sessionId: 'st-older-live', startTime: iso(KICK - 900_000) },
      { sessionId: S2, startTime: iso(KICK + 30_000) },
    ];
    expect(sessionsToSearch(sessions, KICK)).toEqual([S2, S1]);
    expect(sessionsToSearch([], KICK)).toEqual([]);
  });

  it('a watch ends by itself after 15 minutes, with or without a look', () => {
    const w = newWatch(kicked, KICK);
    expect(isPolling(w, KICK + WATCH_MS - 1)).toBe(true);
    expect(afterTick(w, KICK + WATCH_MS - 1)).toBe(w);
    expect(afterTick(w, KICK + WATCH_MS + 5).state).toEqual({ phase: 'ended', at: KICK + WATCH_MS });
    expect(afterLook(w, [seen(S1, 'p-new')], KICK + WATCH_MS).state).toEqual({ phase: 'ended', at: KICK + WATCH_MS });
  });

  it('a participant without a user id cannot be followed and is never polled', () => {
    for (const userId of [undefined, '']) {
      const w = newWatch({ ...kicked, userId }, KICK);
      expect(w.state).toEqual({ phase: 'unfollowable' });
      expect(isPolling(w, KICK)).toBe(false);
      expect(watchKey(w)).toBe(`rejoin:us-east-1|${STAGE}|participant:p-old`);
    }
  });

  it('says times to the second as every view does, and durations in seconds, then minutes', () => {
    const morning = new Date(2025, 4, 1, 9, 5, 3);
    expect(clock(morning.getTime())).toBe(formatClock(morning));
    expect(clock(morning.getTime())).toMatch(/\b9:05:03\b/);
    expect(clock(new Date(2025, 4, 1, 21, 40, 0).toISOString())).toMatch(/:40:00/);
    expect(elapsed(KICK, KICK + 12_400)).toBe('12 s');
    expect(elapsed(KICK, KICK + 185_000)).toBe('3 min 05 s');
    expect(elapsed(KICK, KICK - 1000)).toBe('0 s');
  });
});

describe('rejoin watch store', () => {
  it('keeps one watch per region, stage and user id in this tab, survives a reload, and stops on request', () => {
    const sub = 'store-sub-1';
    let changes = 0;
    const off = subscribeWatches(() => (changes += 1));
    startRejoinWatch(sub, kicked, KICK);
    const list = rejoinWatches(sub);
    expect(list).toHaveLength(1);
    // The same array until something changes (what useSyncExternalStore needs).
    expect(rejoinWatches(sub)).toBe(list);
    // Kicking the same user again restarts their watch rather than adding one.
    startRejoinWatch(sub, { ...kicked, participantId: 'p-old-2' }, KICK + 1000);
    expect(rejoinWatches(sub).map((w) => w.kicked.participantId)).toEqual(['p-old-2']);
    startRejoinWatch(sub, { ...kicked, userId: 'other' }, KICK + 2000);
    // What a reload reads back from sessionStorage.
    expect(loadWatches(sub).map((w) => w.userId)).toEqual(['maria-42', 'other']);
    expect(loadWatches('someone-else')).toEqual([]);
    dropWatch(sub, watchKey(newWatch(kicked, KICK)));
    expect(rejoinWatches(sub).map((w) => w.userId)).toEqual(['other']);
    expect(loadWatches(sub).map((w) => w.userId)).toEqual(['other']);
    expect(changes).toBe(4);
    off();
  });

  it('forgets the oldest watches beyond the limit', () => {
    const sub = 'store-sub-2';
    for (let i = 0; i <= MAX_WATCHES; i++) putWatch(sub, newWatch({ ...kicked, userId: `u${i}` }, KICK + i));
    expect(rejoinWatches(sub)).toHaveLength(MAX_WATCHES);
    expect(loadWatches(sub).map((w) => w.userId)[0]).toBe('u1');
  });
});
