// Paces bursts of reads (find a user, the merged story, the replication map) so that each operation in each region
// stays within the console's share of the IVS rate limit: 5 TPS per operation, of which the console takes at most
// half (query/budget.ts). The limit is per account and region, so the key is "<region>:<Operation>".

export type RateLimiter = {
  /** Resolves when a request under `key` may be sent; rejects with the signal's reason when aborted first. */
  take(key: string, signal?: AbortSignal): Promise<void>;
};

export type Clock = { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> };

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const t = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(t);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The console's steady allowance for one operation: half of 5 TPS. */
export const SEARCH_RATE_PER_SECOND = 2.5;

/**
 * Evenly spaced slots per key, `1000 / ratePerSecond` ms apart; no bursts. A slot is booked when `take` is called,
 * so concurrent callers queue in call order. An aborted caller's slot is simply left unused.
 */
export function createRateLimiter(ratePerSecond = SEARCH_RATE_PER_SECOND, clock: Clock = realClock): RateLimiter {
  const gapMs = 1000 / ratePerSecond;
  const nextSlot = new Map<string, number>();
  return {
    async take(key, signal) {
      if (signal?.aborted) throw signal.reason as Error;
      const now = clock.now();
      const slot = Math.max(now, nextSlot.get(key) ?? now);
      nextSlot.set(key, slot + gapMs);
      if (slot > now) await clock.sleep(slot - now, signal);
    },
  };
}
