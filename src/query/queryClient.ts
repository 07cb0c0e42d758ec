import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toAppError, type AppError } from '../aws/errors';

/**
 * Retry has one owner. The SDK already retries throttling, 5xx and network failures
 * (SDK_MAX_ATTEMPTS, retry mode 'standard', in aws/awsLayer.ts); react-query only adds one more round for
 * retryable errors of queries, and never retries a mutation (mutations confirm instead: features/replication).
 * SDK maxAttempts 3 × 2 = at most 6 requests; change both together.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return toAppError(error).detail.retryable && failureCount < 1;
}

/**
 * The pause before react-query's one extra round. After throttling the SDK has already backed off; wait longer,
 * with full jitter so that many views (and tabs) do not come back in step.
 */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  const throttled = toAppError(error).kind === 'throttled';
  const ceiling = (throttled ? 4_000 : 1_000) * 2 ** Math.max(0, failureCount - 1);
  return Math.round((throttled ? 1_000 : 250) + random() * ceiling);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Errors are already AppErrors (the AWS layer converts); this is a safety net for our own bugs.
    queryCache: new QueryCache({}),
    mutationCache: new MutationCache({}),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 2_000,
        // Polling is a per-view decision (query/polling.ts); never from a hidden tab.
        refetchIntervalInBackground: false,
        // Coming back to the tab, or back online, refreshes what is on screen at once (all of it is older than
        // staleTime by then). While offline, react-query holds fetches (networkMode 'online'), so polling pauses.
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
      },
      // A mutation is never held while offline and sent later by surprise: the controls are disabled offline, and
      // one that fails anyway fails now, where the user can see it.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

export type { AppError };
