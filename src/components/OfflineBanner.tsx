import type { ReactNode } from 'react';
import { useOfflineSince, useOnline, useWakeRefresh } from '../query/connectivity';
import { formatAge, useNow } from '../query/polling';

/** Says so when the browser is offline; polling is paused meanwhile and everything refreshes on reconnect. */
export function OfflineBanner(): ReactNode {
  useWakeRefresh();
  const online = useOnline();
  const since = useOfflineSince();
  const now = useNow();
  if (online) return null;
  return (
    <div className="banner banner-stale offline-banner" role="status">
      <strong>You are offline</strong>
      {since ? ` (the connection dropped ${formatAge(since, now)})` : ''}. Live updates are paused and the data on screen is from before the connection dropped.
      Greenroom refreshes as soon as the connection is back.
    </div>
  );
}
