import type { ReactNode } from 'react';
import type { Region } from '../config/schema';
import { paths } from '../config/paths';
import { navigate } from '../components/navigate';
import { useRoute } from './router';

export function AppLayout({ regions, children }: { regions: readonly Region[]; children: ReactNode }): ReactNode {
  const route = useRoute(regions);
  const current = ('params' in route ? route.params.region : undefined) ?? (regions[0] as string);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={paths.home.getHref()}>
          Greenroom
        </a>
        <nav aria-label="Main">
          <a href={paths.stages.getHref(current)} aria-current={route.name === 'stages' ? 'page' : undefined}>
            Stages
          </a>
          <a href={paths.replicate.getHref(current)} aria-current={route.name === 'replicate' ? 'page' : undefined}>
            Replicate
          </a>
        </nav>
        <label className="region">
          Region{' '}
          <select value={current} onChange={(e) => navigate(paths.stages.getHref(e.target.value))}>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
