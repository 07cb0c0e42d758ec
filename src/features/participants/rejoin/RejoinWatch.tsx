import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useSyncExternalStore, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import type { Page, Region, StageSession } from '../../../aws/types';
import { href } from '../../../routing/route';
import { UntrustedText } from '../../../components/UntrustedText';
import { sessionPlan, steadyRate, useBudgetedInterval } from '../../../query/budget';
import { useNow, type PollInterval } from '../../../query/polling';
import { useSub } from '../../../auth/useDraft';
import { participantQueries } from '../queries';
import { untrustedPlain } from '../../../components/untrusted';
import {
  afterLook,
  afterTick,
  clock,
  dropWatch,
  elapsed,
  isPolling,
  MAX_SESSIONS_PER_LOOK,
  putWatch,
  rejoinWatches,
  sessionsToSearch,
  subscribeWatches,
  watchKey,
  WATCH_MS,
  type RejoinWatch,
  type Seen,
} from './rejoin';

/** What a live session table on the same screen already polls of ListParticipants, per minute. */
const sessionTableRate = (intervals: Parameters<typeof sessionPlan>[0]): number => steadyRate(sessionPlan(intervals)).ListParticipants ?? 0;

type Props = {
  region: Region;
  stageArn: string;
  /** Only the watch started by disconnecting this participant (on its own page). */
  participantId?: string;
};

/** Kick and watch: after a disconnect, says whether the same user id came back into the stage. */
export function RejoinWatchPanel({ region, stageArn, participantId }: Props): ReactNode {
  const aws = useAws();
  const sub = useSub();
  const titleId = useId();
  const all = useSyncExternalStore(subscribeWatches, () => rejoinWatches(sub));
  const watches = all.filter((w) => w.region === region && w.stageArn === stageArn && (!participantId || w.kicked.participantId === participantId));
  const now = useNow();
  const polling = watches.filter((w) => isPolling(w, now));
  // Within the budget beside a live session table on the same screen, and slower while IVS throttles.
  const interval = useBudgetedInterval('participants', 'ListParticipants', polling.length * MAX_SESSIONS_PER_LOOK, 1, sessionTableRate);
  // One sessions query for every watch of the stage (one observer, so one request per interval).
  const sessions = useQuery({
    ...participantQueries.rejoinSessions(aws, region, stageArn),
    enabled: polling.length > 0,
    refetchInterval: polling.length > 0 ? interval : false,
  });
  // A watch whose time is up ends even when no look comes (polling paused, requests failing).
  useEffect(() => {
    for (const w of watches) {
      const next = afterTick(w, now);
      if (next !== w) putWatch(sub, next);
    }
  }, [watches, now, sub]);

  if (!watches.length) return null;
  return (
    <section className="panel rejoin-watch" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Rejoin watch
      </h2>
      <ul className="plain">
        {watches.map((w) => (
          <WatchItem key={watchKey(w)} watch={w} sessions={sessions} interval={interval} paused={interval === false} />
        ))}
      </ul>
    </section>
  );
}

function WatchItem({
  watch: w,
  sessions,
  interval,
  paused,
}: {
  watch: RejoinWatch;
  sessions: UseQueryResult<Page<StageSession>>;
  interval: PollInterval;
  paused: boolean;
}): ReactNode {
  const aws = useAws();
  const sub = useSub();
  const now = useNow();
  const polling = isPolling(w, now) && w.userId !== undefined;
  // Only answers fetched after the disconnect count: an older list may lack the session or the join to come.
  const fresh = polling && sessions.data && sessions.dataUpdatedAt >= w.since ? sessions.data.items : undefined;
  const sessionIds = fresh ? sessionsToSearch(fresh, w.since) : [];
  // ListParticipants filtered by the user id, first page (one page of connections of one user per session).
  const pages = useQueries({
    queries: sessionIds.map((sessionId) => ({
      ...participantQueries.page(aws, w.region, w.stageArn, sessionId, { kind: 'userId', value: w.userId ?? '' }, 0),
      enabled: polling,
      refetchInterval: polling ? interval : false,
    })),
  });
  const ready = fresh !== undefined && pages.every((p) => p.data && p.dataUpdatedAt >= w.since);
  const lookAt = ready ? Math.max(sessions.dataUpdatedAt, ...pages.map((p) => p.dataUpdatedAt)) : 0;
  const seen: Seen[] = ready ? sessionIds.flatMap((sessionId, i) => (pages[i]?.data?.items ?? []).map((participant) => ({ sessionId, participant }))) : [];
  // Pure: the same answers give back the same watch, so this settles after one write.
  const next = lookAt ? afterLook(w, seen, lookAt) : w;
  useEffect(() => {
    if (next !== w) putWatch(sub, next);
  }, [next, w, sub]);

  const failed = sessions.error ?? pages.find((p) => p.error)?.error;
  const who = w.userId !== undefined ? <UntrustedText value={w.userId} /> : null;
  const s = w.state;
  let text: ReactNode;
  switch (s.phase) {
    case 'watching':
      text = (
        <>
          Watching for {who} to rejoin… (since {clock(w.since)},{' '}
          <span role="timer" aria-live="off">
            {elapsed(w.since, now)}
          </span>
          )
        </>
      );
      break;
    case 'rejoined':
      text = (
        <>
          {who} rejoined at {clock(s.at)} as participant{' '}
          <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region: w.region, stageArn: w.stageArn, sessionId: s.sessionId, participantId: s.participantId })}>
            <code>{s.participantId}</code>
          </a>
          {s.participantId === w.kicked.participantId ? ' (the same participant, with its token)' : ''}.
        </>
      );
      break;
    case 'ended':
      text = (
        <>
          Stopped watching for {who} at {clock(s.at)}: no rejoin within {WATCH_MS / 60_000} minutes.
        </>
      );
      break;
    case 'unfollowable':
      text = (
        <>
          The rejoin of participant <code>{w.kicked.participantId}</code> cannot be followed: it has no user id.
        </>
      );
      break;
  }
  const label = w.userId !== undefined ? `Rejoin watch for ${untrustedPlain(w.userId)}` : `Rejoin watch for participant ${w.kicked.participantId}`;
  return (
    <li aria-label={label} className="toolbar">
      <div>
        <p aria-live="polite">{text}</p>
        {s.phase === 'watching' ? (
          <p className="hint">
            {paused
              ? 'Polling is paused: not checking until it resumes.'
              : failed
                ? `The last check failed (${failed.message}); still watching.`
                : `Checks the stage's newest sessions for this user id; stops by itself after ${WATCH_MS / 60_000} minutes.`}
          </p>
        ) : null}
      </div>
      <button type="button" className="small" onClick={() => dropWatch(sub, watchKey(w))}>
        {s.phase === 'watching' ? 'Stop watching' : 'Dismiss'}
      </button>
    </li>
  );
}
