// Which data on screen is older than it looks. A polled query whose latest refresh failed keeps its last good data
// (react-query's "refetch error"), and the section showing it must say so. Most sections hold their query results
// and pass them to the stale banner directly; a section whose rows each run a query of their own (a replica list
// per source, a count per stage row) reads them here from the cache instead of lifting every query up.
import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { AppError } from '../aws/errors';

/** What the stale banner reads of a query: any react-query result fits, and so does a cached query (below). */
export type StaleSource = {
  /** The query holds data and its latest refresh failed. */
  isRefetchError: boolean;
  error: AppError | null;
  dataUpdatedAt: number;
  isFetching: boolean;
  refetch: () => unknown;
};

type KeyMatch = (key: readonly unknown[]) => boolean;

/** True when `key` begins with `prefix` (react-query's own partial matching, for use inside a predicate). */
export const keyStartsWith = (key: readonly unknown[], prefix: readonly unknown[]): boolean => prefix.every((part, i) => key[i] === part);

function sourceOf(client: QueryClient, q: Query): StaleSource {
  return {
    isRefetchError: true,
    error: q.state.error as AppError | null,
    dataUpdatedAt: q.state.dataUpdatedAt,
    isFetching: q.state.fetchStatus === 'fetching',
    refetch: () => client.refetchQueries({ queryKey: q.queryKey, exact: true }),
  };
}

/** Queries in use on screen whose key matches, that hold data and whose latest refresh failed. */
export function staleInCache(client: QueryClient, match: KeyMatch): Query[] {
  return client
    .getQueryCache()
    .findAll({ type: 'active', predicate: (q) => match(q.queryKey) && q.state.status === 'error' && q.state.data !== undefined });
}

/**
 * The stale queries matching `match`, kept current as the cache changes. The result keeps its identity until
 * one of them changes (a new failure, a success, a refresh starting), so a section re-renders only then.
 */
export function useStaleQueries(match: KeyMatch): StaleSource[] {
  const client = useQueryClient();
  const last = useRef<{ sig: string; sources: StaleSource[] }>({ sig: '', sources: [] });
  const subscribe = useCallback((onChange: () => void) => client.getQueryCache().subscribe(onChange), [client]);
  const snapshot = (): StaleSource[] => {
    const found = staleInCache(client, match);
    const sig = found.map((q) => `${q.queryHash}|${q.state.dataUpdatedAt}|${q.state.errorUpdatedAt}|${q.state.fetchStatus}`).join('\n');
    if (sig !== last.current.sig) last.current = { sig, sources: found.map((q) => sourceOf(client, q)) };
    return last.current.sources;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
