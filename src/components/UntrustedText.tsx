import type { ReactNode } from 'react';
import { hasHiddenChars, revealHidden } from './untrusted';

/**
 * Text someone outside the staff chose. Always plain React text inside <bdi> (its direction cannot leak into the
 * page). In `detail` mode hidden or direction-changing characters are shown as ⟦U+XXXX⟧ and flagged; in lists the
 * value is truncated by CSS, keeps its full text in a tooltip, and carries a small flag.
 */
export function UntrustedText({ value, detail = false }: { value: string; detail?: boolean }): ReactNode {
  const hidden = hasHiddenChars(value);
  if (detail) {
    return (
      <>
        <bdi className="untrusted">{hidden ? revealHidden(value) : value}</bdi>
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
      <bdi className="untrusted untrusted-short" title={revealHidden(value)}>
        {value}
      </bdi>
      {hidden ? (
        <span className="flag flag-mini" role="img" aria-label="Contains hidden or direction-changing characters" title="Contains hidden or direction-changing characters">
          ⚠
        </span>
      ) : null}
    </>
  );
}
