import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { ParticipantFilter, ParticipantSummary, Region } from '../../aws/types';
import { paths } from '../../config/paths';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FreshnessIndicator } from '../../components/FreshnessIndicator';
import { formatTime } from '../../components/format';
import { EmptyState, Loading } from '../../components/Loading';
import { navigate } from '../../components/navigate';
import { StaleBanner } from '../../components/StaleBanner';
import { UntrustedText } from '../../components/UntrustedText';
import { safeFileName, toCsv } from '../../components/untrusted';
import { usePollInterval } from '../../query/polling';
import { useCan } from '../auth/Can';
import { formatFilter, parseFilter, RECORDING_FILTER_VALUES } from './filters';
import { useDisconnectParticipant } from './mutations';
import { PublishBadge, ReplicationBadge, StateBadge } from './ParticipantBadges';
import { participantQueries } from './queries';

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

export function SessionParticipants({ region, stageArn, sessionId, live, search }: Props): ReactNode {
  const aws = useAws();
  const filter = parseFilter(search.get('filter'));
  const interval = usePollInterval('participants');
  const q = useInfiniteQuery({
    ...participantQueries.list(aws, region, stageArn, sessionId, filter),
    // An ended session no longer changes; poll only the live one.
    refetchInterval: live ? interval : false,
  });
  const [target, setTarget] = useState<ParticipantSummary | null>(null);
  const [reason, setReason] = useState('');
  const disconnect = useDisconnectParticipant(region);
  const canDisconnect = useCan('participant:disconnect');
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;

  // Load more on scroll: when the end of the table comes into view, fetch the next page.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const setFilter = (f: ParticipantFilter): void =>
    navigate(paths.session.getHref(region, stageArn, sessionId, { filter: formatFilter(f) }), { replace: true });

  let body: ReactNode;
  if (q.data) {
    body =
      rows.length === 0 ? (
        <EmptyState>{filter.kind === 'none' ? 'Nobody has joined this session.' : 'No participant matches this filter.'}</EmptyState>
      ) : (
        <table className="table">
          <caption className="sr-only">Participants of session {sessionId}</caption>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">User id</th>
              <th scope="col">State</th>
              <th scope="col">Publishing</th>
              <th scope="col">First joined</th>
              <th scope="col">Recording</th>
              <th scope="col">Replication</th>
              {canDisconnect ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.participantId}>
                <td>
                  <a href={paths.participant.getHref(region, stageArn, sessionId, p.participantId)}>
                    <code>{p.participantId}</code>
                  </a>
                </td>
                <td>{p.userId ? <UntrustedText value={p.userId} /> : <span className="muted">none</span>}</td>
                <td>
                  <StateBadge state={p.state} />
                </td>
                <td>
                  <PublishBadge p={p} />
                </td>
                <td>{formatTime(p.firstJoinTime)}</td>
                <td>{p.recordingState ?? '—'}</td>
                <td>
                  <ReplicationBadge p={p} />
                </td>
                {canDisconnect ? (
                  <td>
                    {p.state === 'CONNECTED' && p.replicationType !== 'REPLICA' ? (
                      <button type="button" className="small danger" onClick={() => setTarget(p)} aria-label={`Disconnect ${p.participantId}`}>
                        Disconnect
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      );
  } else if (q.isError) body = <ErrorPanel error={q.error} onRetry={() => void q.refetch()} />;
  else body = <Loading label="Loading participants" />;

  return (
    <section aria-labelledby="participants-title">
      <div className="page-head">
        <h2 id="participants-title">
          Participants of session <code>{sessionId}</code> {live ? '(live)' : '(ended)'}
        </h2>
        <FreshnessIndicator updatedAt={q.dataUpdatedAt} fetching={q.isFetching} />
      </div>
      <FilterBar key={search.get('filter') ?? ''} filter={filter} onChange={setFilter} />
      {q.data && q.isRefetchError ? <StaleBanner error={q.error} /> : null}
      {body}
      <div ref={sentinel} />
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
