// The browser's connectivity and wake-ups, as the console needs them: offline pauses polling (react-query's
// onlineManager listens to the same events and holds fetches while offline); coming back online or waking from
// sleep refreshes what is on screen at once.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

let offlineSince: number | undefined = typeof navigator !== 'undefined' && !navigator.onLine ? Date.now() : undefined;

function subscribeOnline(cb: () => void): () => void {
  const onChange = (): void => {
    offlineSince = navigator.onLine ? undefined : (offlineSince ?? Date.now());
    cb();
  };
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** navigator.onLine, kept current by the online/offline events. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

/** When the browser went offline (ms), or undefined while online. */
export function useOfflineSince(): number | undefined {
  return useSyncExternalStore(subscribeOnline, () => offlineSince, () => undefined);
}

/** How often the wake check runs, and how late a tick must be to count as the computer having slept. */
export const WAKE_CHECK_MS = 5_000;
export const WAKE_GAP_MS = 30_000;

/** True when a tick that should have come `expected` ms after `last` came so late that the machine must have slept. */
export function sleptBetween(last: number, now: number, expected = WAKE_CHECK_MS, gap = WAKE_GAP_MS): boolean {
  return now - last > expected + gap;
}

/**
 * Waking from sleep: timers stop while a laptop sleeps, so a tick arriving much later than planned means the data on
 * screen is old. Refresh what is on screen at once (only from a visible tab: a hidden one makes no requests).
 * Becoming visible again and coming back online are react-query's refetchOnWindowFocus / refetchOnReconnect.
 */
export function useWakeRefresh(): void {
  const qc = useQueryClient();
  useEffect(() => {
    let last = Date.now();
    const id = setInterval(() => {
      const now = Date.now();
      if (sleptBetween(last, now) && document.visibilityState === 'visible' && navigator.onLine) {
        void qc.invalidateQueries({ refetchType: 'active' });
      }
      last = now;
    }, WAKE_CHECK_MS);
    return () => clearInterval(id);
  }, [qc]);
}
