import { Suspense, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Region } from '../config/schema';
import { href, matchRoute, type RouteMatch } from '../routing/route';
import { NAVIGATE_EVENT, navigate } from '../routing/navigate';
import { Loading } from '../components/Loading';
import { plainTitle } from '../components/untrusted';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { routes, type RouteName } from './routes';

// A small router over the History API that renders whatever entry of ./routes.tsx matches the address.
// It holds nothing about any one page: titles, parameters and views all come from the table.

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

export function useRoute(regions: readonly Region[]): RouteMatch<RouteName> {
  const loc = useLocationKey();
  const url = new URL(loc, window.location.origin);
  return matchRoute(routes, url, regions);
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

function titleOf(route: RouteMatch<RouteName>): string {
  if (route.name === 'bad-link') return 'Bad link';
  if (route.name === 'not-found') return 'Not found';
  return route.title;
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
      <a href={href('/')}>Go to the stage list</a>
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
  if (route.name === 'bad-link') page = <BadLink problems={route.problems} />;
  else if (route.name === 'not-found') {
    page = (
      <section aria-labelledby="nf-title">
        <h1 id="nf-title">Page not found</h1>
        <p>
          Nothing lives at this address. <a href={href('/')}>Go to the stage list</a>.
        </p>
      </section>
    );
  } else page = route.render(locKey, regions);
  return (
    <RouteErrorBoundary resetKey={locKey}>
      <Suspense fallback={<Loading label="Loading view" />}>{page}</Suspense>
    </RouteErrorBoundary>
  );
}
