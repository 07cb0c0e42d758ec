import { lazy, Suspense, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Region } from '../config/schema';
import { matchRoute, paths, type RouteMatch } from '../config/paths';
import { NAVIGATE_EVENT, navigate } from '../components/navigate';
import { Loading } from '../components/Loading';
import { plainTitle } from '../components/untrusted';
import { RouteErrorBoundary } from './RouteErrorBoundary';

// A tiny router over the History API, driven by config/paths.ts. Every view loads on demand (issue 7): the
// initial bundle holds the shell, sign-in and the AWS layer; each page is its own chunk.
const StageListPage = lazy(() => import('../features/stages/StageListPage').then((m) => ({ default: m.StageListPage })));
const StageDetailPage = lazy(() => import('../features/stages/StageDetailPage').then((m) => ({ default: m.StageDetailPage })));
const SessionParticipants = lazy(() => import('../features/participants/SessionParticipants').then((m) => ({ default: m.SessionParticipants })));
const ParticipantPage = lazy(() => import('../features/participants/ParticipantPage').then((m) => ({ default: m.ParticipantPage })));
// The charts bring uPlot and the CloudWatch client: their own chunk, fetched only when a participant page shows them.
const ParticipantMetrics = lazy(() => import('../features/participants/ParticipantMetrics').then((m) => ({ default: m.ParticipantMetrics })));
const ReplicaList = lazy(() => import('../features/replication/ReplicaList').then((m) => ({ default: m.ReplicaList })));
const ReplicationForm = lazy(() => import('../features/replication/ReplicationForm').then((m) => ({ default: m.ReplicationForm })));
const StageReplications = lazy(() => import('../features/replication/StageReplications').then((m) => ({ default: m.StageReplications })));
// Issue 8 power tools.
const FindUserPage = lazy(() => import('../features/participants/FindUserPage').then((m) => ({ default: m.FindUserPage })));
const ParticipantStory = lazy(() => import('../features/participants/ParticipantStory').then((m) => ({ default: m.ParticipantStory })));
const ReplicationMapPage = lazy(() => import('../features/replication/ReplicationMapPage').then((m) => ({ default: m.ReplicationMapPage })));

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(NAVIGATE_EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(NAVIGATE_EVENT, cb);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

export function useLocationKey(): string {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export function useRoute(regions: readonly Region[]): RouteMatch {
  const loc = useLocationKey();
  const url = new URL(loc, window.location.origin);
  return matchRoute(url, regions);
}

/** Same-origin <a href> clicks become client-side navigations (modifier keys and targets keep browser behaviour). */
function useLinkInterception(): void {
  useEffect(() => {
    const onClick = (e: MouseEvent): void => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!(a instanceof HTMLAnchorElement) || a.target || a.hasAttribute('download')) return;
      const url = new URL(a.href);
      if (url.origin !== window.location.origin) return;
      e.preventDefault();
      if (url.pathname + url.search !== snapshot()) navigate(url.pathname + url.search);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}

function titleOf(route: RouteMatch): string {
  switch (route.name) {
    case 'stages':
      return `Stages · ${route.params.region}`;
    case 'stage':
    case 'session':
      return `Stage ${route.params.stageArn?.split('/').pop() ?? ''}`;
    case 'participant':
      return `Participant ${route.params.participantId}`;
    case 'replicate':
      return 'Replicate a participant';
    case 'findUser':
      return 'Find a user';
    case 'participantStory':
      return `Story of ${route.params.participantId}`;
    case 'replicationMap':
      return `Replication map · ${route.params.region}`;
    case 'bad-link':
      return 'Bad link';
    default:
      return 'Not found';
  }
}

function Redirect({ to }: { to: string }): ReactNode {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function BadLink({ problems }: { problems: string[] }): ReactNode {
  return (
    <section className="panel panel-error" aria-labelledby="bad-link-title">
      <h1 id="bad-link-title">This link cannot be opened</h1>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <a href={paths.home.getHref()}>Go to the stage list</a>
    </section>
  );
}

export function Routes({ regions }: { regions: readonly Region[] }): ReactNode {
  const route = useRoute(regions);
  const locKey = useLocationKey();
  useLinkInterception();
  useEffect(() => {
    document.title = `${plainTitle(titleOf(route))} · Greenroom`;
  });
  // After a client-side move to another page (not a filter change), put focus at the start of the content.
  const pathname = locKey.split('?')[0];
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [pathname]);

  let page: ReactNode;
  switch (route.name) {
    case 'home':
      page = <Redirect to={paths.stages.getHref(regions[0] as string)} />;
      break;
    case 'stages':
      page = <StageListPage region={route.params.region as string} search={route.search} />;
      break;
    case 'stage':
    case 'session': {
      const region = route.params.region as string;
      const stageArn = route.params.stageArn as string;
      page = (
        <StageDetailPage
          key={stageArn}
          region={region}
          stageArn={stageArn}
          sessionId={route.params.sessionId}
          renderSession={({ sessionId, live }) => (
            <>
              <SessionParticipants key={sessionId} region={region} stageArn={stageArn} sessionId={sessionId} live={live} search={route.search} />
              <StageReplications region={region} stageArn={stageArn} sessionId={sessionId} live={live} />
            </>
          )}
        />
      );
      break;
    }
    case 'participant': {
      const region = route.params.region as string;
      const key = {
        stageArn: route.params.stageArn as string,
        sessionId: route.params.sessionId as string,
        participantId: route.params.participantId as string,
      };
      page = (
        <ParticipantPage
          key={locKey}
          region={region}
          participantKey={key}
          renderReplicas={(p) =>
            p.replicationType === 'REPLICA' ? null : (
              <ReplicaList region={region} source={{ sourceStageArn: key.stageArn, participantId: key.participantId }} />
            )
          }
          renderMetrics={() => (
            <Suspense fallback={<Loading label="Loading metrics" />}>
              <ParticipantMetrics region={region} participantKey={key} />
            </Suspense>
          )}
        />
      );
      break;
    }
    case 'replicate':
      page = <ReplicationForm key={locKey} region={route.params.region as string} search={route.search} />;
      break;
    case 'findUser':
      page = <FindUserPage regions={regions} search={route.search} />;
      break;
    case 'participantStory': {
      const key = { stageArn: route.params.stageArn as string, sessionId: route.params.sessionId as string, participantId: route.params.participantId as string };
      page = <ParticipantStory key={locKey} region={route.params.region as string} participantKey={key} />;
      break;
    }
    case 'replicationMap':
      page = <ReplicationMapPage key={route.params.region} region={route.params.region as string} />;
      break;
    case 'bad-link':
      page = <BadLink problems={route.problems} />;
      break;
    default:
      page = (
        <section aria-labelledby="nf-title">
          <h1 id="nf-title">Page not found</h1>
          <p>
            Nothing lives at this address. <a href={paths.home.getHref()}>Go to the stage list</a>.
          </p>
        </section>
      );
  }
  return (
    <RouteErrorBoundary resetKey={locKey}>
      <Suspense fallback={<Loading label="Loading view" />}>{page}</Suspense>
    </RouteErrorBoundary>
  );
}
