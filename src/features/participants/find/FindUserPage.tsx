import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import { toAppError, type AppError } from '../../../aws/errors';
import type { Region } from '../../../aws/types';
import { href } from '../../../routing/route';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { stageIdOf } from '../../../components/format';
import { formatTime } from '../../../query/time';
import { EmptyState } from '../../../components/Loading';
import { navigate } from '../../../routing/navigate';
import { StatusBadge } from '../../../components/StatusBadge';
import { ConnectionBadge } from '../../../components/StateBadge';
import { SimpleTable, type SimpleColumn } from '../../../components/SimpleTable';
import { bound } from '../../../aws/limits';
import { UntrustedText } from '../../../components/UntrustedText';
import { untrustedPlain } from '../../../components/untrusted';
import { findUser, RECENT_SESSIONS_PER_STAGE, type FindHit, type FindProgress } from './findUser';
import { groupHits, type HitGroup, type SourceRef } from './groupHits';
import { StageLabel } from '../../../components/StageLabel';

/** A query is a user id or a participant id; user ids are the longer. */
const QUERY_MAX = bound('UserId', 'max');

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

type Run = { query: string; status: 'running' | 'done' | 'cancelled' | 'failed'; error?: AppError };

const participantHref = (r: SourceRef): string =>
  href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region: r.region, stageArn: r.stageArn, sessionId: r.sessionId, participantId: r.participantId });
const hrefOf = (h: FindHit): string => participantHref({ region: h.region, stageArn: h.stageArn, sessionId: h.sessionId, participantId: h.participant.participantId });

/**
 * A row of the grouped results: a connection the search found, a connection only its replicas were found for
 * (its own session was not searched), or a replica under its connection.
 */
type Row = { kind: 'connection'; h: FindHit; group: HitGroup } | { kind: 'unfound-source'; group: HitGroup } | { kind: 'replica'; h: FindHit; group: HitGroup };

function rowsOf(groups: readonly HitGroup[]): Row[] {
  return groups.flatMap((group): Row[] => [
    group.hit ? { kind: 'connection', h: group.hit, group } : { kind: 'unfound-source', group },
    ...group.replicas.map((h): Row => ({ kind: 'replica', h, group })),
  ]);
}

function SessionCell({ region, stageArn, sessionId, live }: { region: Region; stageArn: string; sessionId: string; live?: boolean }): ReactNode {
  return (
    <>
      <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn, sessionId })}>
        <code>{sessionId}</code>
      </a>
      {live === undefined ? null : (
        <>
          {' '}
          {live ? <StatusBadge tone="ok">live</StatusBadge> : <StatusBadge tone="neutral">ended</StatusBadge>}
        </>
      )}
    </>
  );
}

const HIT_COLUMNS: readonly SimpleColumn<Row>[] = [
  {
    key: 'participant',
    header: 'Connection',
    render: (r) => {
      if (r.kind === 'unfound-source') {
        const s = r.group.source;
        return (
          <>
            <a href={participantHref(s)} aria-label={`Open source participant ${s.participantId} in ${s.region}`}>
              <code>{s.participantId}</code>
            </a>{' '}
            <span className="muted">(source: its session was not searched)</span>
          </>
        );
      }
      const { h } = r;
      const replicaMark = h.participant.replicationType === 'REPLICA' ? <StatusBadge tone="info">Replica</StatusBadge> : null;
      if (r.kind === 'replica') {
        return (
          <span className="find-replica-mark">
            <span aria-hidden="true">↳ </span>
            {replicaMark}{' '}
            <a href={hrefOf(h)} aria-label={`Open replica ${h.participant.participantId} in stage ${stageIdOf(h.stageArn)} (${h.region})`}>
              <code>{h.participant.participantId}</code>
            </a>
          </span>
        );
      }
      return (
        <>
          {replicaMark ? <>{replicaMark} </> : null}
          <a href={hrefOf(h)} aria-label={`Open participant ${h.participant.participantId} in ${h.region}`}>
            <code>{h.participant.participantId}</code>
          </a>
          {r.group.replicas.length ? (
            <span className="muted">
              {' '}
              · {r.group.replicas.length} {r.group.replicas.length === 1 ? 'replica' : 'replicas'}
            </span>
          ) : null}
        </>
      );
    },
  },
  {
    key: 'user',
    header: 'User id',
    render: (r) => (r.kind === 'unfound-source' ? '—' : r.h.participant.userId !== undefined ? <UntrustedText value={r.h.participant.userId} /> : '—'),
  },
  { key: 'region', header: 'Region', render: (r) => r.group.source.region },
  {
    key: 'stage',
    header: 'Stage',
    render: (r) => {
      const region = r.group.source.region as Region;
      const stageArn = r.kind === 'unfound-source' ? r.group.source.stageArn : r.h.stageArn;
      return (
        <a href={href('/regions/:region/stages/:stageArn', { region, stageArn })}>
          <StageLabel arn={stageArn} />
        </a>
      );
    },
  },
  {
    key: 'session',
    header: 'Session',
    render: (r) =>
      r.kind === 'unfound-source' ? (
        <SessionCell region={r.group.source.region as Region} stageArn={r.group.source.stageArn} sessionId={r.group.source.sessionId} />
      ) : (
        <SessionCell region={r.h.region} stageArn={r.h.stageArn} sessionId={r.h.sessionId} live={r.h.live} />
      ),
  },
  {
    key: 'state',
    header: 'State',
    render: (r) => (r.kind === 'unfound-source' ? <span className="muted">not searched</span> : <ConnectionBadge state={r.h.participant.state} replication={r.h.participant} />),
  },
  { key: 'joined', header: 'First joined', render: (r) => (r.kind === 'unfound-source' ? '—' : formatTime(r.h.participant.firstJoinTime)) },
];

function ProgressLine({ p }: { p: FindProgress }): ReactNode {
  const max = Math.max(p.stagesTotal, 1);
  return (
    <li>
      <label>
        {p.region}: {p.stagesDone} of {p.stagesTotal} stages, {p.sessionsSearched} sessions, {p.requests} requests{p.done ? ' (done)' : ''}{' '}
        <progress max={max} value={p.done ? max : p.stagesDone} />
      </label>
    </li>
  );
}

/** Find a user (or a participant id) in every stage of the selected regions, streaming results. */
export function FindUserPage({ regions, search }: { regions: readonly Region[]; search: URLSearchParams }): ReactNode {
  const aws = useAws();
  const [query, setQuery] = useState(search.get('q') ?? '');
  const [recent, setRecent] = useState(search.get('recent') === '1');
  const [selected, setSelected] = useState<readonly Region[]>(regions);
  const [run, setRun] = useState<Run | null>(null);
  const [hits, setHits] = useState<FindHit[]>([]);
  const [progress, setProgress] = useState<Record<string, FindProgress>>({});
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(new Error('The search page was closed.')), []);

  const start = (): void => {
    const q = query.trim();
    if (!q || !selected.length) return;
    abort.current?.abort(new Error('A new search started.'));
    const ac = new AbortController();
    abort.current = ac;
    navigate(href('/find-user', {}, { q, recent: recent ? '1' : undefined }), { replace: true });
    setHits([]);
    setProgress({});
    setRun({ query: q, status: 'running' });
    let resolved = false;
    findUser(aws, {
      query: q,
      regions: selected,
      recent,
      signal: ac.signal,
      onHit: (h) => {
        if (ac.signal.aborted) return;
        // An exact participant id resolves to its page directly.
        if (h.match === 'participantId' && !resolved) {
          resolved = true;
          ac.abort(new Error('Found the participant.'));
          navigate(hrefOf(h));
          return;
        }
        setHits((all) => [...all, h]);
      },
      onProgress: (p) => {
        if (!ac.signal.aborted) setProgress((all) => ({ ...all, [p.region]: p }));
      },
    }).then(
      () => setRun((r) => (r && abort.current === ac ? { ...r, status: 'done' } : r)),
      (e: unknown) => {
        if (abort.current !== ac) return;
        setRun((r) => (r ? (ac.signal.aborted ? { ...r, status: 'cancelled' } : { ...r, status: 'failed', error: toAppError(e) }) : r));
      },
    );
  };

  // A link (or Back) with ?q= runs that search again, so the results are part of the address.
  const autoStarted = useRef(false);
  useEffect(() => {
    if (autoStarted.current || !search.get('q')) return;
    autoStarted.current = true;
    start();
  });

  const running = run?.status === 'running';
  const groups = groupHits(hits);
  const replicaCount = groups.reduce((n, g) => n + g.replicas.length, 0);
  return (
    <section aria-labelledby="find-title">
      <h1 id="find-title">Find a user</h1>
      <p>
        Searches the live session of every stage in the chosen regions for a user id (and for a participant id, which opens directly). IVS has no
        account-wide lookup, so this walks each stage at no more than 2.5 requests per second per operation and region.
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <div className="field">
          <label htmlFor="find-q">User id or participant id</label>
          <input id="find-q" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={QUERY_MAX} autoComplete="off" required />
        </div>
        <fieldset>
          <legend>Regions</legend>
          {regions.map((r) => (
            <label key={r}>
              <input
                type="checkbox"
                checked={selected.includes(r)}
                onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r] : s.filter((x) => x !== r)))}
              />{' '}
              {r}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={recent} onChange={(e) => setRecent(e.target.checked)} /> Also search recent sessions (up to{' '}
          {RECENT_SESSIONS_PER_STAGE} ended sessions per stage; slower)
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={running || !query.trim() || !selected.length}>
            Search
          </button>
          {running ? (
            <button type="button" onClick={() => abort.current?.abort(new Error('Cancelled by the user.'))}>
              Cancel search
            </button>
          ) : null}
        </div>
      </form>
      {run ? (
        <section aria-labelledby="find-progress" aria-busy={running}>
          <h2 id="find-progress">
            {run.status === 'running' ? 'Searching…' : run.status === 'done' ? 'Search complete' : run.status === 'cancelled' ? 'Search cancelled' : 'Search failed'}
          </h2>
          <ul className="plain" aria-label="Progress by region">
            {Object.values(progress).map((p) => (
              <ProgressLine key={p.region} p={p} />
            ))}
          </ul>
          {run.error ? <ErrorPanel error={run.error} onRetry={start} title="The search stopped" /> : null}
          <p role="status">
            {hits.length} {hits.length === 1 ? 'match' : 'matches'} for <code><UntrustedText value={run.query} detail /></code>
            {hits.length ? ` · ${plural(groups.length, 'connection', 'connections')}${replicaCount ? `, ${plural(replicaCount, 'replica', 'replicas')} under them` : ''}` : ''}
          </p>
          {hits.length ? (
            <SimpleTable
              caption={`Matches for ${untrustedPlain(run.query)}, one group per connection with its replicas under it`}
              columns={HIT_COLUMNS}
              rows={rowsOf(groups)}
              rowKey={(r) => (r.kind === 'replica' ? `${r.group.key}>${r.h.stageArn}/${r.h.sessionId}` : r.group.key)}
              rowProps={(r) => ({ className: r.kind === 'replica' ? 'find-replica' : 'find-connection' })}
            />
          ) : run.status !== 'running' ? (
            <EmptyState>No participant with this id was found in the searched sessions.</EmptyState>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
