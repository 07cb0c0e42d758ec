// The live board: every live stage of every configured region, who is on air, replicas between stages, publish
// errors, and alerts when a host stops publishing, a replica stops or a publish fails. It polls only the stage
// lists and the stages on the current page (within the budget); everything else arrives as pushed events.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { Region, StageSummary } from '../../aws/types';
import { ErrorPanel } from '../../components/ErrorPanel';
import { stageIdOf } from '../../components/format';
import { EmptyState, Loading } from '../../components/Loading';
import { UntrustedText } from '../../components/UntrustedText';
import { untrustedPlain } from '../../components/untrusted';
import { PAGE_SIZE } from '../../aws/limits';
import { useBudgetedInterval } from '../../query/budget';
import { useAllStagesPush, usePushFacts, usePushStatus } from '../../query/push/context';
import { href } from '../../routing/route';
import { navigate } from '../../routing/navigate';
import { boardReduce, emptyBoard, type BoardAlert, type BoardState } from './boardState';
import { boardQueries } from './queries';
import { formatClock, isoTime } from '../../query/time';

/** Stages per page: the page's stages are the only ones whose participants are read. */
export const BOARD_PAGE_SIZE = 24;

type LiveStage = StageSummary & { region: Region; activeSessionId: string };

/** Name (any part, any case), or a tag written `key`, `key=value` or a value. */
export function matchesFilter(s: StageSummary, q: string): boolean {
  const t = q.trim().toLowerCase();
  if (!t) return true;
  if (s.name.toLowerCase().includes(t)) return true;
  const [k, v] = t.split('=', 2);
  return Object.entries(s.tags).some(([tk, tv]) => {
    const key = tk.toLowerCase();
    const value = tv.toLowerCase();
    return v !== undefined ? key === k && value.includes(v) : key === t || value.includes(t);
  });
}

const ALERT_TEXT: Record<BoardAlert['kind'], string> = {
  'stopped-publishing': 'stopped publishing',
  'replica-stopped': 'replica stopped',
  'publish-error': 'publish error',
};

type NotifyState = 'off' | 'on' | 'denied' | 'unsupported';

export function BoardPage({ regions, search }: { regions: readonly Region[]; search: URLSearchParams }): ReactNode {
  const aws = useAws();
  const { configured, status } = usePushStatus();
  useAllStagesPush(regions);
  const [board, setBoard] = useState<BoardState>(emptyBoard);
  const [notify, setNotify] = useState<NotifyState>(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission === 'denied' ? 'denied' : 'off'));
  const q = search.get('q') ?? '';
  const pageIndex = Math.max(0, Number.parseInt(search.get('page') ?? '0', 10) || 0);

  // Stage lists of every region: one walk each (a page per 100 stages), within the ListStages budget.
  const listInterval = useBudgetedInterval('stages', 'ListStages', regions.length, 10);
  const lists = useQueries({ queries: regions.map((r) => ({ ...boardQueries.list(aws, r), refetchInterval: listInterval })) });
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const l of lists) for (const s of l.data ?? []) m.set(s.arn, s.name);
    return m;
  }, [lists]);
  const live = useMemo(() => {
    const out: LiveStage[] = [];
    lists.forEach((l, i) => {
      for (const s of l.data ?? []) if (s.activeSessionId) out.push({ ...s, region: regions[i] as Region, activeSessionId: s.activeSessionId });
    });
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.arn.localeCompare(b.arn));
  }, [lists, regions]);
  const shown = useMemo(() => live.filter((s) => matchesFilter(s, q)), [live, q]);
  const pages = Math.max(1, Math.ceil(shown.length / BOARD_PAGE_SIZE));
  const page = Math.min(pageIndex, pages - 1);
  const visible = shown.slice(page * BOARD_PAGE_SIZE, (page + 1) * BOARD_PAGE_SIZE);
  const stageInterval = useBudgetedInterval('stages', 'ListParticipants', Math.max(1, visible.length));

  const nameOf = useCallback((arn: string) => names.get(arn) ?? stageIdOf(arn), [names]);

  usePushFacts((fact, verdict) => {
    setBoard((s) => {
      const next = boardReduce(s, fact, verdict);
      const fresh = next.alerts[0];
      if (notify === 'on' && fresh && fresh !== s.alerts[0]) {
        // Plain text only: a notification renders no markup, and the names come from outside the staff.
        new Notification(`Greenroom: ${ALERT_TEXT[fresh.kind]}`, {
          body: `${untrustedPlain(nameOf(fresh.stageArn), 60)} · ${untrustedPlain(fresh.userId ?? fresh.participantId ?? '', 60)}${fresh.errorCode ? ` · ${fresh.errorCode}` : ''}`,
          tag: fresh.id,
        });
      }
      return next;
    });
  });

  const askNotify = (): void => {
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then((p) => setNotify(p === 'granted' ? 'on' : p === 'denied' ? 'denied' : 'off'));
  };

  const setSearch = (next: { q?: string; page?: number }): void => {
    const nq = next.q ?? q;
    const np = next.page ?? 0;
    navigate(`${href('/board')}${nq || np ? `?${new URLSearchParams({ ...(nq ? { q: nq } : {}), ...(np ? { page: String(np) } : {}) }).toString()}` : ''}`);
  };

  const loading = lists.some((l) => l.isPending);
  const failed = lists.find((l) => l.isError)?.error;

  return (
    <section className="board" aria-labelledby="board-title">
      <h1 id="board-title">Live board</h1>
      <p className="muted">
        Every live stage in {regions.join(', ')}.{' '}
        {configured
          ? status.kind === 'live'
            ? 'Changes arrive as IVS sends them; the lists also refresh now and then to catch what events missed.'
            : 'Pushed events are not arriving right now; the board refreshes on its own schedule.'
          : 'config.json names no events endpoints: the board refreshes on its own schedule and raises no alerts.'}
      </p>
      <div className="board-tools">
        <label>
          Filter by name or tag{' '}
          <input type="search" value={q} placeholder="name, tag or key=value" onChange={(e) => setSearch({ q: e.target.value })} />
        </label>
        <span role="status">
          {shown.length} of {live.length} live stage{live.length === 1 ? '' : 's'}
        </span>
      </div>
      {failed ? <ErrorPanel error={failed} title="The stage list could not be read" /> : null}
      <div className="board-layout">
        <div className="board-stages">
          {loading ? <Loading label="Loading stages" /> : null}
          {!loading && shown.length === 0 ? <EmptyState>{live.length ? 'No live stage matches the filter.' : 'No stage is live right now.'}</EmptyState> : null}
          <ul className="board-grid" aria-label="Live stages">
            {visible.map((s) => (
              <StageCard key={s.arn} stage={s} board={board} nameOf={nameOf} interval={stageInterval} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="board-pager" aria-label="Board pages">
              <button type="button" className="small" disabled={page === 0} onClick={() => setSearch({ page: page - 1 })}>
                Previous
              </button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <button type="button" className="small" disabled={page >= pages - 1} onClick={() => setSearch({ page: page + 1 })}>
                Next
              </button>
            </nav>
          ) : null}
        </div>
        <aside className="board-alerts panel" aria-labelledby="alerts-title">
          <h2 id="alerts-title">Alerts</h2>
          <p className="muted">A host stops publishing, a replica stops, or a publish fails (since this page opened).</p>
          <div className="board-alert-tools">
            {notify === 'off' ? (
              <button type="button" className="small" onClick={askNotify}>
                Notify me in this browser
              </button>
            ) : notify === 'on' ? (
              <span>Browser notifications on</span>
            ) : notify === 'denied' ? (
              <span>Notifications are blocked for this site in the browser</span>
            ) : null}
            {board.alerts.length ? (
              <button type="button" className="small" onClick={() => setBoard((s) => ({ ...s, alerts: [] }))}>
                Clear alerts
              </button>
            ) : null}
          </div>
          {board.alerts.length === 0 ? (
            <p>No alerts.</p>
          ) : (
            <ol className="alert-list" aria-label="Alerts, newest first">
              {board.alerts.map((a) => (
                <li key={a.id} className={a.kind === 'publish-error' ? 'alert-bad' : 'alert-warn'}>
                  <time dateTime={isoTime(a.atMs)}>{formatClock(a.atMs)}</time>{' '}
                  <strong>{ALERT_TEXT[a.kind]}</strong>
                  {a.errorCode ? ` (${a.errorCode})` : ''} on{' '}
                  <a href={href('/regions/:region/stages/:stageArn', { region: a.region, stageArn: a.stageArn })}>
                    <UntrustedText value={nameOf(a.stageArn)} />
                  </a>
                  {a.userId || a.participantId ? (
                    <>
                      {' '}
                      · <UntrustedText value={a.userId || a.participantId || ''} />
                    </>
                  ) : null}
                  {a.kind === 'replica-stopped' && a.otherStageArn ? (
                    <>
                      {' '}
                      ↔ <UntrustedText value={nameOf(a.otherStageArn)} />
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
    </section>
  );
}

/** Floor to the second: event times are whole seconds. */
const sec = (ms: number): number => Math.floor(ms / 1000) * 1000;

function StageCard({ stage, board, nameOf, interval }: { stage: LiveStage; board: BoardState; nameOf: (arn: string) => string; interval: ReturnType<typeof useBudgetedInterval> }): ReactNode {
  const aws = useAws();
  const snap = useQuery({ ...boardQueries.stage(aws, stage.region, stage.arn, stage.activeSessionId), refetchInterval: interval });
  const marks = board.marks.get(stage.arn);
  const snapshotAt = snap.data ? sec(snap.dataUpdatedAt) : 0;

  // On air now: the snapshot, overruled by any publish event at least as new as it.
  const onAir = new Map<string, { participantId: string; userId?: string; sessionId: string }>();
  for (const p of snap.data?.participants ?? []) {
    const m = marks?.get(p.participantId);
    const fromEvent = m && m.atMs >= snapshotAt;
    if (fromEvent ? m.onAir : p.onAir.kind === 'on-air') onAir.set(p.participantId, { participantId: p.participantId, userId: p.userId, sessionId: stage.activeSessionId });
  }
  for (const [pid, m] of marks ?? []) {
    if (m.onAir && m.atMs >= snapshotAt && m.sessionId === stage.activeSessionId && !onAir.has(pid)) onAir.set(pid, { participantId: pid, userId: m.userId, sessionId: stage.activeSessionId });
  }
  const unknown = (snap.data?.participants ?? []).filter((p) => p.onAir.kind === 'unknown' && (marks?.get(p.participantId)?.atMs ?? -1) < snapshotAt).length;

  const replicasIn = new Map<string, string>(); // participantId → source stage
  for (const p of snap.data?.participants ?? []) if (p.replicationType === 'REPLICA' && p.sourceStageArn) replicasIn.set(p.participantId, p.sourceStageArn);
  const replicasOut: { participantId: string; to: string }[] = [];
  for (const r of board.replicas.values()) {
    if (r.to === stage.arn && !replicasIn.has(r.participantId)) replicasIn.set(r.participantId, r.from);
    if (r.from === stage.arn) replicasOut.push({ participantId: r.participantId, to: r.to });
  }
  const errors = board.errors.get(stage.arn) ?? [];

  return (
    <li className="board-card panel" aria-label={`Stage ${untrustedPlain(stage.name || stageIdOf(stage.arn), 80)}`}>
      <h3>
        <a href={href('/regions/:region/stages/:stageArn', { region: stage.region, stageArn: stage.arn })}>
          <UntrustedText value={stage.name || stageIdOf(stage.arn)} />
        </a>{' '}
        <span className="muted">{stage.region}</span>
      </h3>
      {snap.isError ? <p className="error-text">Participants could not be read: {snap.error.message}</p> : null}
      <p className="board-onair-title">
        On air now: <strong>{snap.isPending && !marks ? '…' : onAir.size}</strong>
        {unknown ? <span className="muted"> (+{unknown} not checked)</span> : null}
        {snap.data?.more ? <span className="muted"> (first {PAGE_SIZE.ListParticipants} connected)</span> : null}
      </p>
      {onAir.size ? (
        <ul className="board-onair" aria-label="On air now">
          {[...onAir.values()].map((p) => (
            <li key={p.participantId}>
              <span className="badge badge-ok">On air</span> <UntrustedText value={p.userId || p.participantId} />{' '}
              <DisplayName region={stage.region} stageArn={stage.arn} sessionId={p.sessionId} participantId={p.participantId} />
            </li>
          ))}
        </ul>
      ) : null}
      {replicasIn.size || replicasOut.length ? (
        <ul className="board-replicas" aria-label="Replicas">
          {[...replicasIn].map(([pid, from]) => (
            <li key={`in-${pid}`}>
              <UntrustedText value={nameOf(from)} /> → here <span className="muted">({pid})</span>
            </li>
          ))}
          {replicasOut.map((r) => (
            <li key={`out-${r.participantId}-${r.to}`}>
              here → <UntrustedText value={nameOf(r.to)} /> <span className="muted">({r.participantId})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.length ? (
        <ul className="board-errors" aria-label="Publish errors">
          {errors.map((e) => (
            <li key={e.id}>
              <span className="badge badge-bad">Publish error</span> {e.errorCode ?? 'no code'} · <UntrustedText value={e.userId || e.participantId || ''} />{' '}
              <time className="muted" dateTime={isoTime(e.atMs)}>
                {formatClock(e.atMs)}
              </time>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function DisplayName({ region, stageArn, sessionId, participantId }: { region: Region; stageArn: string; sessionId: string; participantId: string }): ReactNode {
  const aws = useAws();
  const q = useQuery(boardQueries.displayName(aws, region, { stageArn, sessionId, participantId }));
  if (!q.data) return null;
  return (
    <span className="muted">
      · <UntrustedText value={q.data} />
    </span>
  );
}

