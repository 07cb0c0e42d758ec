import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useNoticeStore, useNotices } from '../query/notices';

// The strips are drawn by their own small chunk, fetched with the first notice: the region itself is in the page
// from the start, which is what lets screen readers announce what is put into it later.
const NoticeStrip = lazy(() => import('./NoticeStrip').then((m) => ({ default: m.NoticeStrip })));

/**
 * The one app-wide polite live region for what just happened: a strip at the bottom of the window. The region is
 * always in the page (a region inserted together with its text is not reliably announced); each notice leaves
 * after a few seconds, never while the pointer or keyboard focus is on the strip, and Dismiss removes it at once.
 */
export function NoticeRegion(): ReactNode {
  const store = useNoticeStore();
  const notices = useNotices();
  const [held, setHeld] = useState(false);
  return (
    <div
      className="notices"
      role="status"
      aria-live="polite"
      aria-label="Notices"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      {notices.length ? (
        <Suspense fallback={null}>
          {notices.map((n) => (
            <NoticeStrip key={n.id} notice={n} held={held} dismiss={store.dismiss} />
          ))}
        </Suspense>
      ) : null}
    </div>
  );
}
