import type { ReactNode } from 'react';
import { formatAge, usePauseToggle, useNow } from '../query/polling';

/** "Updated 4 s ago" from dataUpdatedAt, with the one pause/resume switch for live updates. */
export function FreshnessIndicator({ updatedAt, fetching }: { updatedAt: number; fetching?: boolean }): ReactNode {
  const now = useNow();
  const { paused, toggle } = usePauseToggle();
  return (
    <span className="freshness">
      <span aria-live="off">
        {updatedAt ? `Updated ${formatAge(updatedAt, now)}` : 'Not loaded yet'}
        {fetching ? ' · refreshing…' : ''}
        {paused ? ' · live updates paused' : ''}
      </span>
      <button type="button" className="small" onClick={toggle} aria-pressed={paused}>
        {paused ? 'Resume live updates' : 'Pause live updates'}
      </button>
    </span>
  );
}
