import { describe, expect, it } from 'vitest';
import { AppError } from '../aws/errors';
import { nextStreak, slowedInterval, SLOWDOWN_CAP_MS, throttleAware, throttleStreakOf, type ThrottleStreak } from './polling';

const throttled = new AppError('throttled', 'Rate exceeded', { retryable: true });
const server = new AppError('server', 'boom', { retryable: true });

type S = Parameters<typeof nextStreak>[1];
const ok = (data: number, errors: number): S => ({ dataUpdateCount: data, errorUpdateCount: errors, error: null, status: 'success' });
const failed = (data: number, errors: number, error: AppError): S => ({ dataUpdateCount: data, errorUpdateCount: errors, error, status: 'error' });

describe('polling slowdown while throttled', () => {
  it('doubles the interval per throttled refresh in a row, capped', () => {
    expect(slowedInterval(3000, 0)).toBe(3000);
    expect(slowedInterval(3000, 1)).toBe(6000);
    expect(slowedInterval(3000, 2)).toBe(12_000);
    expect(slowedInterval(3000, 3)).toBe(24_000);
    expect(slowedInterval(3000, 5)).toBe(SLOWDOWN_CAP_MS);
    expect(slowedInterval(3000, 500)).toBe(SLOWDOWN_CAP_MS);
    // A configured interval above the cap is never shortened.
    expect(slowedInterval(120_000, 2)).toBe(120_000);
  });

  it('counts throttled refreshes since the last success, and resets on success', () => {
    let s: ThrottleStreak | undefined;
    s = nextStreak(s, ok(1, 0));
    expect(s.streak).toBe(0);
    s = nextStreak(s, failed(1, 1, throttled));
    expect(s.streak).toBe(1);
    // Evaluated again for the same state (every observer does): unchanged.
    s = nextStreak(s, failed(1, 1, throttled));
    expect(s.streak).toBe(1);
    s = nextStreak(s, failed(1, 2, throttled));
    s = nextStreak(s, failed(1, 3, throttled));
    expect(s.streak).toBe(3);
    s = nextStreak(s, ok(2, 3));
    expect(s.streak).toBe(0);
  });

  it('does not slow down for other failures', () => {
    let s = nextStreak(undefined, ok(1, 0));
    s = nextStreak(s, failed(1, 1, throttled));
    s = nextStreak(s, failed(1, 2, server));
    expect(s.streak).toBe(0);
  });

  it('a query first seen throttled starts slowed; a success then a throttle counts one', () => {
    expect(nextStreak(undefined, failed(1, 1, throttled)).streak).toBe(1);
    const s = nextStreak(nextStreak(undefined, failed(1, 1, throttled)), failed(2, 2, throttled));
    expect(s.streak).toBe(1);
  });

  it('keeps one streak per query object', () => {
    const a = { state: ok(1, 0) };
    const b = { state: ok(1, 0) };
    throttleStreakOf(a);
    a.state = failed(1, 1, throttled);
    expect(throttleStreakOf(a)).toBe(1);
    expect(throttleStreakOf(b)).toBe(0);
    a.state = ok(2, 1);
    expect(throttleStreakOf(a)).toBe(0);
  });

  it('an interval function keeps its base for a healthy query and doubles it for a throttled one, per query', () => {
    const interval = throttleAware(16_000);
    const healthy = { state: ok(1, 0) };
    const throttledQuery = { state: failed(1, 1, throttled) };
    expect(interval(healthy)).toBe(16_000);
    expect(interval(throttledQuery)).toBe(32_000);
    throttledQuery.state = failed(1, 2, throttled);
    expect(interval(throttledQuery)).toBe(SLOWDOWN_CAP_MS);
    throttledQuery.state = ok(2, 2);
    expect(interval(throttledQuery)).toBe(16_000);
  });
});
