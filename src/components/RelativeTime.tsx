import type { ReactNode } from 'react';
import { useNow } from '../query/polling';
import { formatAge, formatTime, isoTime } from '../query/time';

/**
 * How old something is ("12 s ago"), ticking with the shared clock, where freshness is what matters; the
 * absolute time is on hover and in the machine-readable dateTime.
 */
export function RelativeTime({ at }: { at: number }): ReactNode {
  const now = useNow();
  return (
    <time dateTime={isoTime(at)} title={formatTime(at)}>
      {formatAge(at, now)}
    </time>
  );
}
