import type { ReactNode } from 'react';

/**
 * A link past the rest of a page to one part of it, for keyboard and screen-reader users: hidden until focused.
 * It moves focus itself rather than leave it to the fragment jump, because the app's router takes over same-page
 * link clicks (and a jump only moves focus to an element that can take it).
 */
export function SkipLink({ targetId, children }: { targetId: string; children: ReactNode }): ReactNode {
  return (
    <a
      className="skip-inline"
      href={`#${targetId}`}
      onClick={(e) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        e.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}
