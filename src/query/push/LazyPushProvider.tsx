import { lazy, Suspense, type ReactNode } from 'react';
import type { AwsLayer } from '../../aws/awsLayer';

// The provider and the socket client are their own chunks, fetched only when config.json names events endpoints, so
// a console without them loads nothing more than before.
const PushProvider = lazy(() => import('./PushProvider').then((m) => ({ default: m.PushProvider })));

/** Pushed stage events for `children`; nothing is shown while the provider's small chunk arrives (a spinner would only flash). */
export function LazyPushProvider({ aws, reconcileMs, children }: { aws: AwsLayer; reconcileMs?: number; children: ReactNode }): ReactNode {
  return (
    <Suspense fallback={null}>
      <PushProvider aws={aws} reconcileMs={reconcileMs}>
        {children}
      </PushProvider>
    </Suspense>
  );
}
