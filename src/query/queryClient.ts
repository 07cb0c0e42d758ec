import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toAppError, type AppError } from '../aws/errors';

/**
 * Retry has one owner (P8). The SDK already retries throttling, 5xx and network failures
 * (SDK_MAX_ATTEMPTS in aws/awsLayer.ts); react-query only adds one more round for retryable errors.
 * SDK maxAttempts 3 × 2 = at most 6 requests; change both together.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return toAppError(error).detail.retryable && failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Errors are already AppErrors (the AWS layer converts); this is a safety net for our own bugs.
    queryCache: new QueryCache({}),
    mutationCache: new MutationCache({}),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 2_000,
        // Polling is a per-view decision (query/polling.ts); never from a hidden tab.
        refetchIntervalInBackground: false,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

export type { AppError };
