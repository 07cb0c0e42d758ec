import type { ReactNode } from 'react';
import { useOnline } from '../query/connectivity';
import { usePauseToggle, useSlowedByThrottling } from '../query/polling';
import { RelativeTime } from './RelativeTime';

/**
 * "Updated 4 s ago" from dataUpdatedAt, with the one pause/resume switch for live updates. Says when polling is
 * slowed because IVS throttles, and when it is paused because the browser is offline.
 */
export function FreshnessIndicator({ updatedAt, fetching }: { updatedAt: number; fetching?: boolean }): ReactNode {
  const { paused, toggle } = usePauseToggle();
  const slowed = useSlowedByThrottling();
  const online = useOnline();
  return (
    <span className="freshness">
      <span aria-live="off">
        {updatedAt ? (
          <>
            Updated <RelativeTime at={updatedAt} />
          </>
        ) : (
          'Not loaded yet'
        )}
        {fetching && online ? ' · refreshing…' : ''}
        {paused ? ' · live updates paused' : ''}
        {!online ? ' · offline, updates paused' : ''}
        {slowed && !paused && online ? (
          <span title="IVS is limiting the request rate; Greenroom refreshes less often until a refresh succeeds."> · slowed: throttled</span>
        ) : null}
      </span>
      <button type="button" className="small" onClick={toggle} aria-pressed={paused}>
        {paused ? 'Resume live updates' : 'Pause live updates'}
      </button>
    </span>
  );
}
