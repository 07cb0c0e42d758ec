import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Region } from '../config/schema';
import { matchRoute, paths, type RouteMatch } from '../config/paths';
import { NAVIGATE_EVENT, navigate } from '../components/navigate';
import { ParticipantPage } from '../features/participants/ParticipantPage';
import { SessionParticipants } from '../features/participants/SessionParticipants';
import { ReplicaList } from '../features/replication/ReplicaList';
import { ReplicationForm } from '../features/replication/ReplicationForm';
import { StageReplications } from '../features/replication/StageReplications';
import { StageDetailPage } from '../features/stages/StageDetailPage';
import { StageListPage } from '../features/stages/StageListPage';
import { plainTitle } from '../components/untrusted';
import { RouteErrorBoundary } from './RouteErrorBoundary';

// A tiny router over the History API, driven by config/paths.ts.

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
        />
      );
      break;
    }
    case 'replicate':
      page = <ReplicationForm key={locKey} region={route.params.region as string} search={route.search} />;
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
  return <RouteErrorBoundary resetKey={locKey}>{page}</RouteErrorBoundary>;
}
