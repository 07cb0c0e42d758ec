import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { AppError } from '../aws/errors';
import { useModalDialog } from './dialogFocus';
import { ErrorPanel } from './ErrorPanel';
import { useSubmitLock } from './useSubmitLock';

type Props = {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: AppError | null;
  danger?: boolean;
  /** Starts the action: return mutateAsync's promise, or call mutate and pass its isPending/error as pending/error. */
  onConfirm: () => unknown;
  onCancel: () => void;
};

/**
 * A native modal <dialog>: focus trap, Escape and the top layer come from the browser. It opens with focus on
 * Cancel, the safe action (a stray Enter cancels rather than confirms), and on closing gives focus back to what
 * opened it. A second confirm before the first has settled (double click, repeated Enter) is ignored, even before
 * `pending` has reached the screen.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, pending, error, danger, onConfirm, onCancel }: Props): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const lock = useSubmitLock({ pending, error });
  useModalDialog(ref, open);
  useEffect(() => {
    // Opened afresh, the dialog accepts a confirm again even if the last one never reached a request.
    if (!open) lock.release();
  }, [open, lock]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); if (!pending) onCancel(); }}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!pending) lock.run(onConfirm);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error ? <ErrorPanel error={error} /> : null}
        <div className="actions">
          <button type="button" onClick={onCancel} disabled={pending} data-autofocus>
            Cancel
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={pending}>
            {pending ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
