// "Load all and download CSV": walks the session's remaining participant pages into the table's own
// per-page cache (participantQueries.page), paced by the rate limiter so that the walk and the view's polling stay
// within the ListParticipants budget. IVS gives no total, so progress is counted in pages and rows loaded.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AwsLayer } from '../../../aws/awsLayer';
import { useAws } from '../../../aws/AwsProvider';
import { toAppError, type AppError } from '../../../aws/errors';
import { createRateLimiter, type RateLimiter } from '../../../aws/rateLimiter';
import type { Page, ParticipantFilter, ParticipantSummary, Region } from '../../../aws/types';
import { participantQueries } from '../queries';

type Walk = {
  qc: QueryClient;
  aws: AwsLayer;
  region: Region;
  stageArn: string;
  sessionId: string;
  filter: ParticipantFilter;
  /** Pages 0 … from-1 are loaded already (or loading); the walk goes on from page `from`. */
  from: number;
  limiter: RateLimiter;
  signal: AbortSignal;
  /** After each page: how many pages are loaded now. */
  onPage: (pages: number) => void;
};

/** The rows of pages 0 … pages-1 as the cache holds them, in the API's order. */
export function cachedRows(qc: QueryClient, region: Region, stageArn: string, sessionId: string, filter: ParticipantFilter, pages: number): ParticipantSummary[] {
  const key = participantQueries.pages(region, stageArn, sessionId, filter);
  return Array.from({ length: pages }, (_, i) => qc.getQueryData<Page<ParticipantSummary>>([...key, i])?.items ?? []).flat();
}

/** Loads page after page until one has no nextToken; resolves with the number of pages loaded in all. */
export async function walkPages(w: Walk): Promise<number> {
  const key = participantQueries.pages(w.region, w.stageArn, w.sessionId, w.filter);
  // Pages in the cache (loaded before) are used as they are, without a request; one in flight is waited for.
  const fetchPage = (i: number): Promise<Page<ParticipantSummary>> =>
    w.qc.fetchQuery({ ...participantQueries.page(w.aws, w.region, w.stageArn, w.sessionId, w.filter, i), staleTime: Infinity });
  let index = Math.max(0, w.from - 1);
  const abort = (): void => void w.qc.cancelQueries({ queryKey: [...key, index], exact: true });
  w.signal.addEventListener('abort', abort);
  try {
    let page = await fetchPage(index);
    while (page.nextToken !== undefined && !w.signal.aborted) {
      index += 1;
      if (w.qc.getQueryData([...key, index]) === undefined) await w.limiter.take(`${w.region}:ListParticipants`, w.signal);
      page = await fetchPage(index);
      if (w.signal.aborted) break;
      w.onPage(index + 1);
    }
    return index + 1;
  } finally {
    w.signal.removeEventListener('abort', abort);
  }
}

export type LoadAllState =
  | { status: 'idle'; outcome?: { rows: number; cancelled: boolean } }
  | { status: 'loading'; pages: number }
  | { status: 'failed'; error: AppError };

type Target = { region: Region; stageArn: string; sessionId: string; filter: ParticipantFilter; filterKey: string };

/**
 * The walk as the table drives it: `start(from)` loads from page `from` on, reporting each page through
 * `onPages` (the table shows it at once) and handing every row to `onDone`; `cancel()` stops it and keeps what
 * is loaded. A new filter, another session or leaving the view cancels it too.
 */
export function useLoadAll(
  t: Target,
  ratePerSecond: number,
  onPages: (pages: number) => void,
  onDone: (rows: ParticipantSummary[]) => void,
): { state: LoadAllState; start: (from: number) => void; cancel: () => void } {
  const qc = useQueryClient();
  const aws = useAws();
  const [state, setState] = useState<LoadAllState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  const { region, stageArn, sessionId, filter, filterKey } = t;
  // One limiter for every walk of this table, so that a walk started again right after a Cancel stays paced too.
  const limiter = useMemo(() => createRateLimiter(ratePerSecond), [ratePerSecond]);

  useEffect(() => {
    const ref = running;
    return () => ref.current?.abort();
  }, [filterKey, sessionId]);

  const start = (from: number): void => {
    running.current?.abort();
    const ctl = new AbortController();
    running.current = ctl;
    let loaded = from;
    setState({ status: 'loading', pages: from });
    const onPage = (pages: number): void => {
      loaded = pages;
      setState({ status: 'loading', pages });
      onPages(pages);
    };
    walkPages({ qc, aws, region, stageArn, sessionId, filter, from, limiter, signal: ctl.signal, onPage })
      .then((pages) => {
        loaded = pages;
        if (!ctl.signal.aborted) onDone(cachedRows(qc, region, stageArn, sessionId, filter, pages));
      })
      .then(
        () => setState({ status: 'idle', outcome: { rows: cachedRows(qc, region, stageArn, sessionId, filter, loaded).length, cancelled: ctl.signal.aborted } }),
        (e: unknown) =>
          setState(
            ctl.signal.aborted
              ? { status: 'idle', outcome: { rows: cachedRows(qc, region, stageArn, sessionId, filter, loaded).length, cancelled: true } }
              : { status: 'failed', error: toAppError(e) },
          ),
      )
      .finally(() => {
        if (running.current === ctl) running.current = null;
      });
  };
  const cancel = (): void => running.current?.abort();
  return { state, start, cancel };
}
