import type { ReactNode } from 'react';
import { formatAge, useNow } from '../query/polling';
import type { StaleSource } from '../query/stale';
import { RequestId } from './ErrorPanel';

/** A message as a sentence, so the advice that follows it does not run on from it. */
function asSentence(message: string): string {
  const m = message.trim();
  return /[.!?…]$/.test(m) ? m : `${m}.`;
}

/** The sources whose data is on screen although their latest refresh failed. */
export function staleOf(queries: StaleSource | readonly (StaleSource | undefined)[]): StaleSource[] {
  const all: readonly (StaleSource | undefined)[] = Array.isArray(queries) ? queries : [queries as StaleSource];
  return all.filter((q): q is StaleSource => q !== undefined && q.isRefetchError);
}

/**
 * A polled section whose latest refresh failed keeps its last good data on screen, so it must say how old that
 * data is and why it is not newer: "Showing data from 42 s ago — refresh failed: <reason> [Retry]". Renders
 * nothing while every query of the section is fresh. A section made of several queries passes them all; the age
 * shown is that of the oldest data on screen.
 */
export function StaleBanner({ queries, section }: { queries: StaleSource | readonly (StaleSource | undefined)[]; section?: string }): ReactNode {
  const now = useNow();
  const stale = staleOf(queries);
  if (stale.length === 0) return null;
  const updatedAt = Math.min(...stale.map((q) => q.dataUpdatedAt).filter((t) => t > 0));
  const error = stale.find((q) => q.error)?.error ?? null;
  const retrying = stale.some((q) => q.isFetching);
  return (
    <div className="banner banner-stale" role="status" data-stale-section={section}>
      {/* The age ticks every second: announced once with the banner, not again at every tick. */}
      <strong>
        Showing data from <span aria-live="off">{Number.isFinite(updatedAt) ? formatAge(updatedAt, now) : 'an earlier refresh'}</span>
      </strong>{' '}
      — refresh failed
      {error ? (
        <>
          : {asSentence(error.message)} <RequestId error={error} />
          {error.kind === 'throttled' ? ' Greenroom refreshes less often until IVS accepts requests again.' : ' Greenroom keeps trying.'}
        </>
      ) : (
        '.'
      )}{' '}
      <button type="button" className="small" onClick={() => stale.forEach((q) => void q.refetch())} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
