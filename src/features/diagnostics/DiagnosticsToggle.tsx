import { lazy, Suspense, useState, type ReactNode } from 'react';

const DiagnosticsPanel = lazy(() => import('./DiagnosticsPanel').then((m) => ({ default: m.DiagnosticsPanel })));

/** A header button that shows the API budget panel (loaded on demand). */
export function DiagnosticsToggle(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="small" aria-expanded={open} aria-controls="diagnostics" onClick={() => setOpen(!open)}>
        Diagnostics
      </button>
      {open ? (
        <div id="diagnostics" className="diagnostics-popover">
          <Suspense fallback={<p role="status">Loading diagnostics…</p>}>
            <DiagnosticsPanel />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
