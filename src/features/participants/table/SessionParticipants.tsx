import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import type { AppError } from '../../../aws/errors';
import type { Page, ParticipantFilter, ParticipantSummary, Region } from '../../../aws/types';
import { href } from '../../../routing/route';
import { DataTable, type Column, type VisibleRange } from '../../../components/DataTable';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { FreshnessIndicator } from '../../../components/FreshnessIndicator';
import { formatTime } from '../../../query/time';
import { formatCount } from '../../../components/format';
import { EmptyState, Loading } from '../../../components/Loading';
import { navigate } from '../../../routing/navigate';
import { parseSort, sortRows, useSortedRows, withSort, type SortState } from '../../../components/sorting';
import { StaleBanner } from '../../../components/StaleBanner';
import { keyStartsWith, useStaleQueries } from '../../../query/stale';
import { RecordingBadge } from '../../../components/StateBadge';
import { UntrustedText } from '../../../components/UntrustedText';
import { useBudgetedInterval, useParticipantWalkRate } from '../../../query/budget';
import { useCan } from '../../../auth/Can';
import { formatFilter, parseFilter } from './filters';
import { useLoadAll } from './loadAllPages';
import { DisconnectDialog } from '../DisconnectDialog';
import { RejoinWatchPanel } from '../rejoin/RejoinWatch';
import { OnAirBadge, ReplicationBadge, StateBadge } from '../ParticipantBadges';
import { useOnAir } from '../useOnAir';
import { downloadCsv, ParticipantExport } from './ParticipantExport';
import { ParticipantFilterBar } from './ParticipantFilterBar';
import { pagesInView, pageStarts, PARTICIPANT_SORT_KEYS, PARTICIPANT_SORTERS } from './participantSort';
import { participantQueries } from '../queries';

type Props = { region: Region; stageArn: string; sessionId: string; live: boolean; search: URLSearchParams };

type PageResult = { data?: Page<ParticipantSummary>; isFetching: boolean; isError: boolean; error: AppError | null; isRefetchError: boolean; dataUpdatedAt: number; refetch: () => unknown };

function combinePages(results: PageResult[]): {
  rows: ParticipantSummary[];
  pageLengths: number[];
  first: PageResult | undefined;
  last: PageResult | undefined;
  updatedAt: number;
  fetching: boolean;
  refetchError: PageResult | undefined;
} {
  return {
    rows: results.flatMap((r) => r.data?.items ?? []),
    pageLengths: results.map((r) => r.data?.items.length ?? 0),
    first: results[0],
    last: results[results.length - 1],
    updatedAt: Math.max(0, ...results.map((r) => r.dataUpdatedAt)),
    fetching: results.some((r) => r.isFetching),
    refetchError: results.find((r) => r.isRefetchError),
  };
}

export function SessionParticipants({ region, stageArn, sessionId, live, search }: Props): ReactNode {
  const aws = useAws();
  const qc = useQueryClient();
  const filter = parseFilter(search.get('filter'));
  const filterKey = formatFilter(filter) ?? '';
  // Pages are loaded as the table's end comes into view; only the pages in view are polled (query/budget.ts).
  const [loaded, setLoaded] = useState({ filterKey, count: 1 });
  const pageCount = loaded.filterKey === filterKey ? loaded.count : 1;
  // The loaded pages that hold the rows in view, as a string so that scrolling within the same pages does not
  // re-render. DataTable reports the rows in view when scrolling pauses and when the rows change (a new order).
  const [pagesKey, setPagesKey] = useState('0');
  const polled = pagesKey.split(',').map(Number).filter((i) => i < pageCount);
  if (polled.length === 0) polled.push(0);
  const inView = (i: number): boolean => polled.includes(i);
  // An ended session no longer changes; poll only the live one.
  const interval = useBudgetedInterval('participants', 'ListParticipants', polled.length);
  const q = useQueries({
    queries: Array.from({ length: pageCount }, (_, i) => ({
      ...participantQueries.page(aws, region, stageArn, sessionId, filter, i),
      refetchInterval: live && inView(i) ? interval : false,
      // Pages out of view are kept as loaded: no refresh on focus or remount, so a return to the tab costs
      // the pages in view only.
      ...(inView(i) ? {} : { staleTime: Infinity, refetchOnWindowFocus: false }),
    })),
    combine: combinePages,
  });
  const [target, setTarget] = useState<ParticipantSummary | null>(null);
  const canDisconnect = useCan('participant:disconnect');

  const { rows, first, last } = q;
  // Sorting applies to the loaded rows, at low priority (components/sorting.ts); its positions map back to pages.
  const sort = parseSort(search.get('sort'), PARTICIPANT_SORT_KEYS);
  const sorted = useSortedRows(rows, PARTICIPANT_SORTERS, sort);
  const starts = useMemo(() => pageStarts(q.pageLengths), [q.pageLengths]);
  // On air now is looked up for the participants on the pages in view only (useOnAir keeps it within budget).
  const viewRows = polled.flatMap((i) => rows.slice(starts[i] ?? 0, (starts[i] ?? 0) + (q.pageLengths[i] ?? 0)));
  const onAirOf = useOnAir(region, stageArn, sessionId, viewRows, live);
  // The on-air column reads each publisher's events: a failed refresh of those makes it as old as the rows.
  const eventsKey = [...participantQueries.inSession(region, stageArn, sessionId), 'events'];
  const staleOnAir = useStaleQueries((k) => keyStartsWith(k, eventsKey));
  const onRange = (r: VisibleRange): void => setPagesKey(pagesInView(r, starts, sorted.order).join(','));
  const hasNextPage = last?.data?.nextToken !== undefined;
  const isFetchingNextPage = pageCount > 1 && last?.data === undefined && (last?.isFetching ?? false);
  // "Load all and download CSV": the remaining pages, paced within what the view's polling leaves of the budget.
  const walkRate = useParticipantWalkRate(polled.length);
  const loadAll = useLoadAll(
    { region, stageArn, sessionId, filter, filterKey },
    walkRate,
    (count) => setLoaded((l) => ({ filterKey, count: Math.max(count, l.filterKey === filterKey ? l.count : 1) })),
    // The file follows the order on screen.
    (all) => downloadCsv(sessionId, sort && PARTICIPANT_SORTERS[sort.key] ? sortRows(all, PARTICIPANT_SORTERS[sort.key], sort.direction) : all),
  );
  const walking = loadAll.state.status === 'loading';
  const fetchNextPage = (): void => {
    if (hasNextPage && !isFetchingNextPage && !walking) setLoaded({ filterKey, count: pageCount + 1 });
  };
  const setFilter = (f: ParticipantFilter): void =>
    navigate(withSort(href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn, sessionId }, { filter: formatFilter(f) }), sort), { replace: true });
  // A participant id typed in the filter box opens that participant, however far down a long list it is.
  const findParticipant = async (participantId: string): Promise<boolean> => {
    try {
      await qc.fetchQuery(participantQueries.detail(aws, region, { stageArn, sessionId, participantId }));
    } catch {
      return false;
    }
    navigate(href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn, sessionId, participantId }));
    return true;
  };
  // Only the sort changes: the address stays (the stage's or the session's), so focus stays on the header.
  const setSort = (next: SortState | null): void => navigate(withSort(window.location.pathname + window.location.search, next), { replace: true });

  // Stable columns: the rows are memoised, and a new columns array would render every row again.
  const columns = useMemo<Column<ParticipantSummary>[]>(
    () => [
    {
      key: 'id',
      header: 'Participant',
      render: (p) => (
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn, sessionId, participantId: p.participantId })}>
          <code>{p.participantId}</code>
        </a>
      ),
    },
    { key: 'user', header: 'User id', render: (p) => (p.userId ? <UntrustedText value={p.userId} /> : <span className="muted">none</span>) },
    { key: 'state', header: 'State', render: (p) => <StateBadge state={p.state} replication={p} /> },
    { key: 'pub', header: 'On air now', render: (p) => <OnAirBadge state={onAirOf(p)} /> },
    { key: 'joined', header: 'First joined', render: (p) => formatTime(p.firstJoinTime) },
    { key: 'rec', header: 'Recording', render: (p) => <RecordingBadge state={p.recordingState} /> },
    { key: 'repl', header: 'Replication', render: (p) => <ReplicationBadge p={p} /> },
    ...(canDisconnect
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (p: ParticipantSummary) =>
              p.state === 'CONNECTED' && p.replicationType !== 'REPLICA' ? (
                <button type="button" className="small danger" onClick={() => setTarget(p)} aria-label={`Disconnect ${p.participantId}`}>
                  Disconnect
                </button>
              ) : null,
          },
        ]
      : []),
    ],
    [region, stageArn, sessionId, canDisconnect, onAirOf, setTarget],
  );

  let body: ReactNode;
  if (first?.data) {
    body =
      rows.length === 0 ? (
        <EmptyState>{filter.kind === 'none' ? 'Nobody has joined this session.' : 'No participant matches this filter.'}</EmptyState>
      ) : (
        <DataTable
          caption={`Participants of session ${sessionId}`}
          label="Participant table"
          columns={columns}
          rows={sorted.rows}
          rowKey={(p) => p.participantId}
          more={hasNextPage}
          onRangeChange={onRange}
          onEndReached={fetchNextPage}
          sorting={{ keys: PARTICIPANT_SORT_KEYS, sort, onChange: setSort, pending: sorted.applied?.key !== sort?.key || sorted.applied?.direction !== sort?.direction }}
          testId="participant-table"
        />
      );
  } else if (first?.error) body = <ErrorPanel error={first.error} onRetry={() => void first.refetch()} />;
  else body = <Loading label="Loading participants" />;

  return (
    <section aria-labelledby="participants-title">
      <RejoinWatchPanel region={region} stageArn={stageArn} />
      <div className="page-head">
        <h2 id="participants-title">
          Participants of session <code>{sessionId}</code> {live ? '(live)' : '(ended)'}
        </h2>
        <FreshnessIndicator updatedAt={q.updatedAt} fetching={q.fetching} />
      </div>
      <ParticipantFilterBar key={search.get('filter') ?? ''} filter={filter} onChange={setFilter} onFindParticipant={findParticipant} />
      <StaleBanner queries={[q.refetchError, ...staleOnAir]} section="participants" />
      {body}
      {rows.length ? <p className="muted">{`${rows.length}${hasNextPage ? '+' : ''} participants loaded`}</p> : null}
      {sort && hasNextPage && rows.length ? (
        <p className="hint">{`Sorted: the ${formatCount(rows.length)} loaded participants only; IVS has more. Load all to sort every participant.`}</p>
      ) : null}
      {rows.length ? (
        <ParticipantExport
          sessionId={sessionId}
          rows={sorted.rows}
          hasNextPage={hasNextPage}
          state={loadAll.state}
          onLoadAll={() => loadAll.start(pageCount)}
          onCancel={loadAll.cancel}
        />
      ) : null}
      {hasNextPage ? (
        <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage || walking}>
          {isFetchingNextPage ? 'Loading more…' : 'Load more participants'}
        </button>
      ) : null}
      <DisconnectDialog
        region={region}
        target={target ? { stageArn, sessionId, participantId: target.participantId, userId: target.userId } : null}
        onClose={() => setTarget(null)}
      />
    </section>
  );
}
