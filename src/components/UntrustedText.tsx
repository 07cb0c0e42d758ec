import type { ReactNode } from 'react';
import { hasHiddenChars, revealHidden } from './untrusted';

export const HIDDEN_FLAG_LABEL = 'Contains hidden or direction-changing characters';

/**
 * Text someone outside the staff chose: the one way the app renders it. Always plain React text inside <bdi> (its
 * direction cannot leak into the page), with every hidden, direction-changing or line-breaking character shown as
 * ⟦U+XXXX⟧, so the value stays on one line and a look-alike never reads as the id it imitates. When there is such a
 * character the value is flagged: in `detail` mode with a sentence, in lists with a small ⚠ that has an accessible
 * name. In lists the value is also truncated by CSS and keeps its full text in a tooltip.
 */
export function UntrustedText({ value, detail = false }: { value: string; detail?: boolean }): ReactNode {
  const hidden = hasHiddenChars(value);
  const shown = hidden ? revealHidden(value) : value;
  if (detail) {
    return (
      <>
        <bdi className="untrusted">{shown}</bdi>
        {hidden ? (
          <span className="flag" role="note">
            ⚠ Contains hidden or direction-changing characters, shown as ⟦U+…⟧
          </span>
        ) : null}
      </>
    );
  }
  return (
    <>
      <bdi className="untrusted untrusted-short" title={shown}>
        {shown}
      </bdi>
      {hidden ? (
        <span className="flag flag-mini" role="img" aria-label={HIDDEN_FLAG_LABEL} title={HIDDEN_FLAG_LABEL}>
          ⚠
        </span>
      ) : null}
    </>
  );
}
