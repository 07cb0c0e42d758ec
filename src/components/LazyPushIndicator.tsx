import { lazy, Suspense, type ReactNode } from 'react';

// The indicator and the push state it reads arrive as their own small chunk, right after the first paint: the first
// load carries nothing of push, which a console without events endpoints never uses.
const PushIndicator = lazy(() => import('./PushIndicator').then((m) => ({ default: m.PushIndicator })));

/** The header's push indicator, loaded on demand (nothing shows for the moment its chunk takes). */
export function LazyPushIndicator(): ReactNode {
  return (
    <Suspense fallback={null}>
      <PushIndicator />
    </Suspense>
  );
}
