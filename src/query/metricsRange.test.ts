import { describe, expect, it } from 'vitest';
import { choosePeriod, MAX_DATAPOINTS_PER_CALL, MAX_POINTS_PER_SERIES, parseCustomRange, parseLocalInput, resolveWindow, RETENTION, toLocalInput } from './metricsRange';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 7);

describe('metric ranges and periods', () => {
  it('reads the short live ranges at 10-second points and the 3-hour one at a minute (its start ages out of high resolution)', () => {
    const at = (kind: '15m' | '1h' | '3h') => resolveWindow({ kind }, NOW, undefined);
    for (const [kind, period, points] of [['15m', 10, 91], ['1h', 10, 361], ['3h', 60, 181]] as const) {
      const r = at(kind);
      if (r.kind !== 'ok') throw new Error(r.kind);
      expect(r.window.periodS).toBe(period);
      expect(r.window.live).toBe(true);
      expect((r.window.end - r.window.start) / (period * 1000)).toBe(points);
      // Aligned to the period, covering now.
      expect(r.window.start % (period * 1000)).toBe(0);
      expect(r.window.end % (period * 1000)).toBe(0);
      expect(r.window.end).toBeGreaterThanOrEqual(NOW);
    }
  });

  it('keeps every series within the points a chart draws and the call within MaxDatapoints', () => {
    for (const span of [MIN, 2 * HOUR, 12 * HOUR, 3 * DAY, 14 * DAY, 60 * DAY, 400 * DAY]) {
      for (const queries of [1, 9, 100]) {
        const p = choosePeriod(NOW - span, NOW, NOW, queries);
        const points = Math.ceil(span / (p * 1000));
        expect(points).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
        expect(points * queries).toBeLessThanOrEqual(MAX_DATAPOINTS_PER_CALL);
      }
    }
    // 500 metrics over an hour: 10 s would be 360 × 500 = 180,000 points, so 30 s (60,000).
    expect(choosePeriod(NOW - HOUR, NOW, NOW, 500)).toBe(30);
  });

  it('follows the retention rules: a start older than 3 h, 15 days or 63 days needs 1 min, 5 min or 1 h multiples', () => {
    expect(choosePeriod(NOW - 4 * HOUR, NOW - 3.9 * HOUR, NOW)).toBe(60);
    expect(choosePeriod(NOW - 16 * DAY, NOW - 16 * DAY + HOUR, NOW)).toBe(300);
    expect(choosePeriod(NOW - 64 * DAY, NOW - 64 * DAY + HOUR, NOW)).toBe(3600);
    expect(choosePeriod(NOW - 2 * HOUR, NOW - HOUR, NOW)).toBe(10);
  });

  it('spans the whole session, live while it runs, and says when there is no session', () => {
    const running = resolveWindow({ kind: 'session' }, NOW, { start: NOW - 20 * MIN });
    expect(running.kind === 'ok' && running.window.live).toBe(true);
    const ended = resolveWindow({ kind: 'session' }, NOW, { start: NOW - 2 * DAY, end: NOW - 2 * DAY + 3 * HOUR });
    if (ended.kind !== 'ok') throw new Error(ended.kind);
    expect(ended.window).toMatchObject({ live: false, periodS: 60 });
    expect(resolveWindow({ kind: 'session' }, NOW, undefined)).toEqual({ kind: 'no-session' });
    // A session that just started still gets a minute.
    const fresh = resolveWindow({ kind: 'session' }, NOW, { start: NOW - 2000 });
    expect(fresh.kind === 'ok' && fresh.window.end - fresh.window.start).toBeGreaterThanOrEqual(MIN);
  });

  it('says a range is outside retention when it ends before CloudWatch keeps anything, and shortens one that starts there', () => {
    const old = resolveWindow({ kind: 'custom', from: NOW - 600 * DAY, to: NOW - 500 * DAY }, NOW, undefined);
    expect(old).toEqual({ kind: 'outside-retention', oldest: NOW - RETENTION.oneHourMs });
    const straddling = resolveWindow({ kind: 'custom', from: NOW - 500 * DAY, to: NOW - 400 * DAY }, NOW, undefined);
    if (straddling.kind !== 'ok') throw new Error(straddling.kind);
    expect(straddling.window.periodS).toBe(21_600);
    expect(straddling.window.note).toMatch(/455 days/);
    expect(straddling.window.start).toBeGreaterThanOrEqual(NOW - RETENTION.oneHourMs - 21_600_000);
  });

  it('validates custom ranges with a message for each input', () => {
    const now = new Date(2026, 11, 5, 12, 0).getTime();
    expect(parseCustomRange('', '', now)).toEqual({ errors: { from: 'Enter the start of the range.', to: 'Enter the end of the range.' } });
    expect(parseCustomRange('yesterday', '2026-12-05T11:00', now)).toEqual({ errors: { from: '"yesterday" is not a date and time; use the form 2026-12-05T14:30.' } });
    expect(parseCustomRange('2026-02-31T10:00', '2026-12-05T11:00', now)).toMatchObject({ errors: { from: expect.stringMatching(/not a date/) } });
    expect(parseCustomRange('2026-12-05T13:00', '2026-12-05T14:00', now)).toMatchObject({ errors: { from: expect.stringMatching(/future/) } });
    expect(parseCustomRange('2026-12-05T11:00', '2026-12-05T10:00', now)).toEqual({ errors: { to: 'The end must be after the start.' } });
    expect(parseCustomRange('2026-12-05T11:00', '2026-12-05T11:00:30', now)).toEqual({ errors: { to: 'The range must be at least one minute long.' } });
    expect(parseCustomRange('2024-01-01T00:00', '2026-12-05T11:00', now)).toMatchObject({ errors: { to: expect.stringMatching(/455 days/) } });
    expect(parseCustomRange('2026-12-05T10:00', '2026-12-05T11:30', now)).toEqual({
      range: { kind: 'custom', from: new Date(2026, 11, 5, 10, 0).getTime(), to: new Date(2026, 11, 5, 11, 30).getTime() },
    });
  });

  it('round-trips the datetime-local text', () => {
    const t = new Date(2026, 0, 2, 3, 4).getTime();
    expect(toLocalInput(t)).toBe('2026-01-02T03:04');
    expect(parseLocalInput(toLocalInput(t))).toBe(t);
  });
});
