// Keyboard focus around modal dialogs and forms: where it lands when a dialog opens, where it goes back to when it
// closes, and where a failed submit sends it.
import { useEffect, useRef, type RefObject } from 'react';

/** The first control of a dialog, unless one is marked data-autofocus (a confirmation marks its safe action). */
function initialTarget(d: HTMLDialogElement): HTMLElement | null {
  return d.querySelector<HTMLElement>('[data-autofocus]') ?? d.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])');
}

/**
 * Shows `ref`'s <dialog> as a modal while `open` (for a dialog that is mounted only while open, pass true) and
 * focuses its first field or marked action. On closing, by Escape, Cancel or success, or on unmount, focus goes
 * back to the element that had it before: the button that opened the dialog. If that element has gone (the row of
 * a deleted stage), to the page's main region, so focus never falls back to the start of the document.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean): void {
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d || !open) return;
    if (!d.open) {
      opener.current = document.activeElement;
      d.showModal();
    }
    initialTarget(d)?.focus();
    return () => {
      if (d.open) d.close();
      const back = opener.current;
      opener.current = null;
      if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
      else document.getElementById('main')?.focus();
    };
  }, [ref, open]);
}

/** Focuses the first control marked aria-invalid inside `root`; returns whether there was one. */
export function focusFirstInvalid(root: HTMLElement | null): boolean {
  const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return false;
  el.focus();
  return true;
}

/**
 * After a failed submit, once the errors are on screen, focus goes to the first invalid field; when the failure is
 * about no field (the service could not be reached), to the control marked data-focus-on-failure (the submit
 * button, which says what trying again will do), since the button that had focus was disabled while it waited.
 * `failure` changes on each failed submit (a counter for client checks, the error object for the server's answer).
 */
export function useFocusOnFailure(root: RefObject<HTMLElement | null>, failure: unknown): void {
  useEffect(() => {
    if (!failure || focusFirstInvalid(root.current)) return;
    root.current?.querySelector<HTMLElement>('[data-focus-on-failure]')?.focus();
  }, [root, failure]);
}
