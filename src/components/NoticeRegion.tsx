import { useEffect, useState, type ReactNode } from 'react';
import { useNoticeStore, useNotices, type Notice } from '../query/notices';

/** Long enough to read a sentence and reach its link; doubts and failures stay longer, being worth more. */
const SHOW_MS: Record<Notice['tone'], number> = { done: 8_000, unsure: 20_000, failed: 20_000 };

const MARK: Record<Notice['tone'], string> = { done: '✓', unsure: '?', failed: '✕' };

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
      {notices.map((n) => (
        <NoticeStrip key={n.id} notice={n} held={held} dismiss={store.dismiss} />
      ))}
    </div>
  );
}

function NoticeStrip({ notice, held, dismiss }: { notice: Notice; held: boolean; dismiss: (id: number) => void }): ReactNode {
  const { id, tone } = notice;
  // Restarted, not resumed, when the hold ends: whoever looked at it gets the full time again.
  useEffect(() => {
    if (held) return;
    const t = setTimeout(() => dismiss(id), SHOW_MS[tone]);
    return () => clearTimeout(t);
  }, [held, id, tone, dismiss]);
  return (
    <div className={`notice notice-${notice.tone}`} data-testid="notice">
      <span aria-hidden="true" className="notice-mark">
        {MARK[notice.tone]}
      </span>
      <p className="notice-text">
        {notice.text}
        {notice.link ? (
          <>
            {' '}
            <a href={notice.link.href}>{notice.link.label}</a>
          </>
        ) : null}
      </p>
      <button type="button" className="small" onClick={() => dismiss(id)} aria-label={`Dismiss: ${notice.text}`}>
        Dismiss
      </button>
    </div>
  );
}
