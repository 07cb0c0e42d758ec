import { useQueryClient, type QueryState } from '@tanstack/react-query';
import { createContext, use, useCallback, useState, useSyncExternalStore } from 'react';
import type { AppError } from '../aws/errors';
import type { PollKind } from '../config/schema';

export type PollingControl = {
  intervals: Record<PollKind, number>;
  paused: boolean;
  setPaused: (paused: boolean) => void;
};

export const PollingContext = createContext<PollingControl | null>(null);

export function usePollingState(intervals: Record<PollKind, number>): PollingControl {
  const [paused, setPaused] = useState(false);
  return { intervals, paused, setPaused };
}

function usePolling(): PollingControl {
  const ctl = use(PollingContext);
  if (!ctl) throw new Error('usePollInterval must be used inside the polling provider');
  return ctl;
}

/** Polling never slows beyond this (or beyond the configured interval, if that is longer). */
export const SLOWDOWN_CAP_MS = 60_000;

/**
 * How many refreshes of a query failed with throttling since its last success. Counted from react-query's own
 * update counters, so evaluating it again for the same state (every observer does) changes nothing.
 */
export type ThrottleStreak = { data: number; errors: number; streak: number };

type StreakState = Pick<QueryState<unknown, AppError>, 'dataUpdateCount' | 'errorUpdateCount' | 'error' | 'status'>;

export function nextStreak(prev: ThrottleStreak | undefined, s: StreakState): ThrottleStreak {
  const base = prev ?? { data: s.dataUpdateCount, errors: s.errorUpdateCount, streak: 0 };
  // A success since we last looked resets the streak (unless a throttled refresh has already followed it).
  if (s.dataUpdateCount !== base.data) return { data: s.dataUpdateCount, errors: s.errorUpdateCount, streak: isThrottled(s) ? 1 : 0 };
  if (s.errorUpdateCount === base.errors) return prev ?? { ...base, streak: isThrottled(s) ? 1 : 0 };
  // One or more failed refreshes since we last looked: throttling lengthens the streak, any other failure ends it.
  const added = s.errorUpdateCount - base.errors;
  return { data: s.dataUpdateCount, errors: s.errorUpdateCount, streak: isThrottled(s) ? base.streak + added : 0 };
}

function isThrottled(s: Pick<StreakState, 'error' | 'status'>): boolean {
  return s.status === 'error' && s.error?.kind === 'throttled';
}

/** The configured interval, doubled for every throttled refresh in a row, capped; back to normal after a success. */
export function slowedInterval(base: number, streak: number): number {
  if (streak <= 0) return base;
  return Math.min(base * 2 ** Math.min(streak, 10), Math.max(SLOWDOWN_CAP_MS, base));
}

const streaks = new WeakMap<object, ThrottleStreak>();

/** The throttle streak of a query as of its current state (the same bookkeeping the interval uses). */
export function throttleStreakOf(query: PolledQuery): number {
  const next = nextStreak(streaks.get(query), query.state);
  streaks.set(query, next);
  return next.streak;
}

/**
 * True while any query on screen is polling slower because IVS throttled its refreshes. Read on render: the
 * freshness label re-renders every second anyway, and the streaks are updated on every query update.
 */
export function useSlowedByThrottling(): boolean {
  const qc = useQueryClient();
  return qc
    .getQueryCache()
    .findAll({ type: 'active' })
    .some((q) => (streaks.get(q)?.streak ?? 0) > 0 && isThrottled(q.state as StreakState));
}

/** What the interval reads of a query (any react-query Query fits). */
export type PolledQuery = { readonly state: StreakState };

export type PollInterval = number | false | ((query: PolledQuery) => number | false);

/** An interval function: `base` for each query, slowed while that query's refreshes are throttled. */
export function throttleAware(base: number): (query: PolledQuery) => number {
  return (query) => slowedInterval(base, throttleStreakOf(query));
}

/**
 * The refetch interval for a view: the configured value, or false once the user pauses. While the last
 * refreshes of the query were throttled it slows down (doubling, capped at SLOWDOWN_CAP_MS) and it recovers
 * after the next success. Only the component that shows the data passes it as `refetchInterval`.
 */
export function usePollInterval(kind: PollKind): PollInterval {
  const { intervals, paused } = usePolling();
  if (paused) return false;
  return throttleAware(intervals[kind]);
}

export function usePauseToggle(): { paused: boolean; toggle: () => void } {
  const { paused, setPaused } = usePolling();
  const toggle = useCallback(() => setPaused(!paused), [paused, setPaused]);
  return { paused, toggle };
}

// One shared 1-second clock for every "updated N s ago" label.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 1000);
  return () => {
    listeners.delete(cb);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}

// Ages are worded in time.ts with every other time; passed on for the views that import it from here.
// Ages are part of the time module's formats (query/time.ts passes this on); they are written here because the
// offline and stale banners of the first load need them, and every other date format can then load later.
/** "12 s ago", "3 min ago", "2 h ago": how old something is at `now`. */
export function formatAge(then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ago`;
}
