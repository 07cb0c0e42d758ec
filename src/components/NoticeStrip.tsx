import { useEffect, type ReactNode } from 'react';
import type { Notice } from '../query/notices';

/** Long enough to read a sentence and reach its link; doubts and failures stay longer, being worth more. */
const SHOW_MS: Record<Notice['tone'], number> = { done: 8_000, unsure: 20_000, failed: 20_000 };

const MARK: Record<Notice['tone'], string> = { done: '✓', unsure: '?', failed: '✕' };

export function NoticeStrip({ notice, held, dismiss }: { notice: Notice; held: boolean; dismiss: (id: number) => void }): ReactNode {
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
