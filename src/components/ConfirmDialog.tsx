import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { AppError } from '../aws/errors';
import { ErrorPanel } from './ErrorPanel';

type Props = {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: AppError | null;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A native modal <dialog>: focus trap, Escape and the top layer come from the browser. */
export function ConfirmDialog({ open, title, children, confirmLabel, pending, error, danger, onConfirm, onCancel }: Props): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); if (!pending) onCancel(); }}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!pending) onConfirm();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error ? <ErrorPanel error={error} /> : null}
        <div className="actions">
          <button type="button" onClick={onCancel} disabled={pending}>
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
