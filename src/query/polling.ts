import { createContext, use, useCallback, useState, useSyncExternalStore } from 'react';
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

/**
 * The refetch interval for a view (P7): the configured value, or false once the user pauses.
 * Only the component that shows the data passes it as `refetchInterval`.
 */
export function usePollInterval(kind: PollKind): number | false {
  const { intervals, paused } = usePolling();
  return paused ? false : intervals[kind];
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

export function formatAge(updatedAt: number, at: number): string {
  const s = Math.max(0, Math.round((at - updatedAt) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ago`;
}
