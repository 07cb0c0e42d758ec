import { describe, expect, it } from 'vitest';
import type { ParticipantEvent } from '../aws/types';
import { compareEvents, createLookupBucket, deriveOnAir, inCausalOrder, offAirReason, onAirText } from './onAir';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const ev = (name: string, sec: number | undefined, extra: Partial<ParticipantEvent> = {}): ParticipantEvent => ({
  name,
  eventTime: sec === undefined ? undefined : new Date(T0 + sec * 1000).toISOString(),
  replica: false,
  ...extra,
});
const connected = { state: 'CONNECTED', published: true };

describe('on air now, from the latest publish event', () => {
  it('is on air after PUBLISH_STARTED, off air after PUBLISH_STOPPED, PUBLISH_ERROR or a new JOINED', () => {
    expect(deriveOnAir(connected, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1)])).toEqual({ kind: 'on-air', since: ev('', 1).eventTime });
    expect(deriveOnAir(connected, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1), ev('PUBLISH_STOPPED', 5)])).toMatchObject({ kind: 'off-air', why: 'stopped' });
    expect(deriveOnAir(connected, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1), ev('PUBLISH_ERROR', 5, { errorCode: 'BITRATE_EXCEEDED' })])).toMatchObject({
      kind: 'off-air',
      why: 'error',
      errorCode: 'BITRATE_EXCEEDED',
    });
    // Left and came back: the new connection has not published yet.
    expect(deriveOnAir(connected, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1), ev('LEFT', 5), ev('JOINED', 9)])).toMatchObject({ kind: 'off-air', why: 'rejoined' });
    // Started again after a stop.
    expect(deriveOnAir(connected, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1), ev('PUBLISH_STOPPED', 5), ev('PUBLISH_STARTED', 8)]).kind).toBe('on-air');
  });

  it('ignores subscribe, replication and token events', () => {
    const events = [ev('JOINED', 0), ev('PUBLISH_STARTED', 1), ev('SUBSCRIBE_STARTED', 2), ev('REPLICATION_STARTED', 3), ev('TOKEN_EXCHANGED', 4), ev('SUBSCRIBE_ERROR', 5)];
    expect(deriveOnAir(connected, events).kind).toBe('on-air');
  });

  it('reads events given out of order (newest first, shuffled) by their time', () => {
    const newestFirst = [ev('PUBLISH_STOPPED', 30), ev('PUBLISH_STARTED', 20), ev('PUBLISH_STOPPED', 10), ev('PUBLISH_STARTED', 1), ev('JOINED', 0)];
    expect(deriveOnAir(connected, newestFirst)).toMatchObject({ kind: 'off-air', why: 'stopped', since: ev('', 30).eventTime });
    const shuffled = [ev('PUBLISH_STOPPED', 10), ev('JOINED', 0), ev('PUBLISH_STARTED', 20), ev('PUBLISH_STARTED', 1)];
    expect(deriveOnAir(connected, shuffled)).toMatchObject({ kind: 'on-air', since: ev('', 20).eventTime });
  });

  it('settles events with the same timestamp in causal order, whatever order the list gives', () => {
    // Started and stopped within the same millisecond: stopped comes last.
    expect(deriveOnAir(connected, [ev('PUBLISH_STOPPED', 1), ev('PUBLISH_STARTED', 1), ev('JOINED', 1)]).kind).toBe('off-air');
    // Rejoined and published at once: on air.
    expect(deriveOnAir(connected, [ev('PUBLISH_STARTED', 5), ev('JOINED', 5), ev('LEFT', 4), ev('PUBLISH_STARTED', 1)]).kind).toBe('on-air');
    expect(inCausalOrder([ev('LEFT', 1), ev('PUBLISH_STOPPED', 1), ev('PUBLISH_STARTED', 1), ev('JOINED', 1)]).map((e) => e.name)).toEqual([
      'JOINED',
      'PUBLISH_STARTED',
      'PUBLISH_STOPPED',
      'LEFT',
    ]);
    expect(compareEvents(ev('LEFT', 1), ev('JOINED', 2))).toBeLessThan(0);
  });

  it('says unknown rather than guess when events are missing', () => {
    // Published, connected, yet no PUBLISH_STARTED in the list.
    expect(deriveOnAir(connected, [ev('JOINED', 0)])).toEqual({ kind: 'unknown', why: 'missing-events' });
    expect(deriveOnAir(connected, [])).toEqual({ kind: 'unknown', why: 'missing-events' });
    // The last event is LEFT but GetParticipant says connected: the rejoin's events are missing.
    expect(deriveOnAir(connected, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1), ev('LEFT', 5)])).toEqual({ kind: 'unknown', why: 'missing-events' });
    // Events without a time are not placed at all.
    expect(deriveOnAir(connected, [ev('PUBLISH_STARTED', undefined)])).toEqual({ kind: 'unknown', why: 'missing-events' });
    expect(deriveOnAir(connected, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1), ev('PUBLISH_STOPPED', undefined)]).kind).toBe('on-air');
    // Not looked up: says why.
    expect(deriveOnAir(connected, undefined, 'budget')).toEqual({ kind: 'unknown', why: 'budget' });
    expect(deriveOnAir(connected, undefined)).toEqual({ kind: 'unknown', why: 'loading' });
  });

  it('needs no events for those who never published or are disconnected', () => {
    expect(deriveOnAir({ state: 'CONNECTED', published: false }, undefined)).toEqual({ kind: 'never' });
    expect(deriveOnAir({ state: 'DISCONNECTED', published: true }, undefined)).toMatchObject({ kind: 'off-air', why: 'disconnected' });
    // Disconnected wins over a PUBLISH_STARTED whose PUBLISH_STOPPED and LEFT never arrived.
    expect(deriveOnAir({ state: 'DISCONNECTED', published: true }, [ev('JOINED', 0), ev('PUBLISH_STARTED', 1)]).kind).toBe('off-air');
  });

  it('words each state as the screens show it', () => {
    expect(onAirText({ kind: 'on-air' })).toBe('On air');
    expect(onAirText({ kind: 'off-air', why: 'stopped' })).toBe('Has published · off air');
    expect(onAirText({ kind: 'never' })).toBe('Never published');
    expect(onAirText({ kind: 'unknown', why: 'budget' })).toBe('Has published · on air unknown');
    expect(offAirReason({ kind: 'off-air', why: 'stopped' })).toBe('stopped publishing');
    expect(offAirReason({ kind: 'unknown', why: 'budget' })).toMatch(/budget/);
  });
});

describe('the lookup allowance', () => {
  it('allows a burst, then refills at the budgeted rate', () => {
    let t = 0;
    const b = createLookupBucket(2.5, 3, () => t);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    t += 400; // 2.5 per second: one token per 400 ms
    expect([b.take(), b.take()]).toEqual([true, false]);
    t += 60_000;
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
  });
});

describe('on-air lookups within the polling budget', () => {
  it('keeps the most lookups a view polls within the ListParticipantEvents allowance at every base interval', async () => {
    const { budgetedInterval, overBudget } = await import('./budget');
    const { ON_AIR_MAX_LOOKUPS } = await import('./onAir');
    for (const base of [1000, 3000, 5000]) {
      const intervalMs = budgetedInterval('ListParticipantEvents', base, ON_AIR_MAX_LOOKUPS);
      expect(overBudget([{ operation: 'ListParticipantEvents', intervalMs, requests: ON_AIR_MAX_LOOKUPS }])).toEqual([]);
    }
  });
});
