import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { AppError } from '../../aws/errors';
import type { Page, ParticipantFilter, ParticipantSummary, Region } from '../../aws/types';
import { paths } from '../../config/paths';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column, type VisibleRange } from '../../components/DataTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FreshnessIndicator } from '../../components/FreshnessIndicator';
import { formatTime } from '../../components/format';
import { EmptyState, Loading } from '../../components/Loading';
import { navigate } from '../../components/navigate';
import { StaleBanner } from '../../components/StaleBanner';
import { UntrustedText } from '../../components/UntrustedText';
import { safeFileName, toCsv } from '../../components/untrusted';
import { useBudgetedInterval } from '../../query/budget';
import { useCan } from '../auth/Can';
import { formatFilter, parseFilter, RECORDING_FILTER_VALUES } from './filters';
import { useDisconnectParticipant } from './mutations';
import { PublishBadge, ReplicationBadge, StateBadge } from './ParticipantBadges';
import { PARTICIPANT_PAGE_SIZE, participantQueries } from './queries';

type Props = { region: Region; stageArn: string; sessionId: string; live: boolean; search: URLSearchParams };

/** The loaded rows as CSV: formula-looking cells are defused, the file name is built from safe characters only. */
function downloadCsv(sessionId: string, rows: ParticipantSummary[]): void {
  const csv = toCsv(
    ['participantId', 'userId', 'state', 'published', 'firstJoinTime', 'recordingState', 'replicationType', 'replicationState'],
    rows.map((p) => [p.participantId, p.userId, p.state, p.published, p.firstJoinTime, p.recordingState, p.replicationType, p.replicationState]),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${safeFileName(`participants-${sessionId}`)}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function FilterBar({ filter, onChange }: { filter: ParticipantFilter; onChange: (f: ParticipantFilter) => void }): ReactNode {
  const [userId, setUserId] = useState(filter.kind === 'userId' ? filter.value : '');
  const select =
    filter.kind === 'none' ? '' : filter.kind === 'published' ? 'published' : filter.kind === 'userId' ? 'userId' : formatFilter(filter);
  return (
    <div className="toolbar">
      <label>
        Show{' '}
        <select
          value={select}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'userId') onChange(userId ? { kind: 'userId', value: userId } : { kind: 'none' });
            else onChange(parseFilter(v));
          }}
        >
          <option value="">All participants</option>
          <option value="state:CONNECTED">Connected</option>
          <option value="state:DISCONNECTED">Disconnected</option>
          <option value="published">Have published</option>
          <option value="userId">With user id…</option>
          {RECORDING_FILTER_VALUES.map((r) => (
            <option key={r} value={`recordingState:${r}`}>{`Recording ${r.toLowerCase()}`}</option>
          ))}
        </select>
      </label>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          onChange(userId ? { kind: 'userId', value: userId } : { kind: 'none' });
        }}
      >
        <label>
          User id <input type="search" value={userId} onChange={(e) => setUserId(e.target.value)} />
        </label>
        <button type="submit" className="small">
          Find user
        </button>
      </form>
      <span className="hint">IVS applies one filter at a time.</span>
    </div>
  );
}

type PageResult = { data?: Page<ParticipantSummary>; isFetching: boolean; isError: boolean; error: AppError | null; isRefetchError: boolean; dataUpdatedAt: number; refetch: () => unknown };

function combinePages(results: PageResult[]): {
  rows: ParticipantSummary[];
  first: PageResult | undefined;
  last: PageResult | undefined;
  updatedAt: number;
  fetching: boolean;
  refetchError: PageResult | undefined;
} {
  return {
    rows: results.flatMap((r) => r.data?.items ?? []),
    first: results[0],
    last: results[results.length - 1],
    updatedAt: Math.max(0, ...results.map((r) => r.dataUpdatedAt)),
    fetching: results.some((r) => r.isFetching),
    refetchError: results.find((r) => r.isRefetchError),
  };
}

export function SessionParticipants({ region, stageArn, sessionId, live, search }: Props): ReactNode {
  const aws = useAws();
  const filter = parseFilter(search.get('filter'));
  const filterKey = formatFilter(filter) ?? '';
  // Pages are loaded as the table's end comes into view; only the pages in view are polled (query/budget.ts).
  const [loaded, setLoaded] = useState({ filterKey, count: 1 });
  const pageCount = loaded.filterKey === filterKey ? loaded.count : 1;
  // The pages in view, as a string so that scrolling within the same pages does not re-render.
  const [pagesInView, setPagesInView] = useState('0-0');
  const onRange = useCallback((r: VisibleRange) => {
    const from = Math.floor(r.start / PARTICIPANT_PAGE_SIZE);
    setPagesInView(`${from}-${Math.floor(Math.max(r.start, r.end - 1) / PARTICIPANT_PAGE_SIZE)}`);
  }, []);
  const [firstPage, lastPage] = pagesInView.split('-').map(Number) as [number, number];
  const inView = (i: number): boolean => i >= firstPage && i <= lastPage;
  // An ended session no longer changes; poll only the live one.
  const interval = useBudgetedInterval('participants', 'ListParticipants', lastPage - firstPage + 1);
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
  const [reason, setReason] = useState('');
  const disconnect = useDisconnectParticipant(region);
  const canDisconnect = useCan('participant:disconnect');

  const { rows, first, last } = q;
  const hasNextPage = last?.data?.nextToken !== undefined;
  const isFetchingNextPage = pageCount > 1 && last?.data === undefined && (last?.isFetching ?? false);
  const fetchNextPage = (): void => {
    if (hasNextPage && !isFetchingNextPage) setLoaded({ filterKey, count: pageCount + 1 });
  };
  const setFilter = (f: ParticipantFilter): void =>
    navigate(paths.session.getHref(region, stageArn, sessionId, { filter: formatFilter(f) }), { replace: true });

  // Stable columns: the rows are memoised, and a new columns array would render every row again.
  const columns = useMemo<Column<ParticipantSummary>[]>(
    () => [
    {
      key: 'id',
      header: 'Participant',
      render: (p) => (
        <a href={paths.participant.getHref(region, stageArn, sessionId, p.participantId)}>
          <code>{p.participantId}</code>
        </a>
      ),
    },
    { key: 'user', header: 'User id', render: (p) => (p.userId ? <UntrustedText value={p.userId} /> : <span className="muted">none</span>) },
    { key: 'state', header: 'State', render: (p) => <StateBadge state={p.state} /> },
    { key: 'pub', header: 'Publishing', render: (p) => <PublishBadge p={p} /> },
    { key: 'joined', header: 'First joined', render: (p) => formatTime(p.firstJoinTime) },
    { key: 'rec', header: 'Recording', render: (p) => p.recordingState ?? '—' },
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
    [region, stageArn, sessionId, canDisconnect],
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
          rows={rows}
          rowKey={(p) => p.participantId}
          more={hasNextPage}
          onRangeChange={onRange}
          onEndReached={fetchNextPage}
          testId="participant-table"
        />
      );
  } else if (first?.error) body = <ErrorPanel error={first.error} onRetry={() => void first.refetch()} />;
  else body = <Loading label="Loading participants" />;

  return (
    <section aria-labelledby="participants-title">
      <div className="page-head">
        <h2 id="participants-title">
          Participants of session <code>{sessionId}</code> {live ? '(live)' : '(ended)'}
        </h2>
        <FreshnessIndicator updatedAt={q.updatedAt} fetching={q.fetching} />
      </div>
      <FilterBar key={search.get('filter') ?? ''} filter={filter} onChange={setFilter} />
      {q.refetchError?.error ? <StaleBanner error={q.refetchError.error} /> : null}
      {body}
      {rows.length ? <p className="muted">{`${rows.length}${hasNextPage ? '+' : ''} participants loaded`}</p> : null}
      {rows.length ? (
        <button type="button" className="small" onClick={() => downloadCsv(sessionId, rows)}>
          Download CSV
        </button>
      ) : null}
      {hasNextPage ? (
        <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? 'Loading more…' : 'Load more participants'}
        </button>
      ) : null}
      <ConfirmDialog
        open={target !== null}
        title="Disconnect participant?"
        confirmLabel="Disconnect"
        danger
        pending={disconnect.isPending}
        error={disconnect.error}
        onCancel={() => {
          disconnect.reset();
          setTarget(null);
        }}
        onConfirm={() =>
          target &&
          disconnect.mutate(
            { stageArn, participantId: target.participantId, reason },
            {
              onSuccess: () => {
                setTarget(null);
                setReason('');
              },
            },
          )
        }
      >
        <p>
          <code>{target?.participantId}</code> will be dropped from the stage. Their token stays valid, so they can join again.
        </p>
        <label className="stack">
          Reason (optional, up to 128 characters)
          <input value={reason} maxLength={128} onChange={(e) => setReason(e.target.value)} />
        </label>
      </ConfirmDialog>
    </section>
  );
}
