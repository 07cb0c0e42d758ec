import { use, useCallback, useState } from 'react';
import { clearDraft, hasDraft, readDraft, writeDraft } from './drafts';
import { AuthContext } from './session';

/** The signed-in user's `sub`, or undefined (no provider, or signed out): drafts are then not kept. */
export function useSub(): string | undefined {
  const state = use(AuthContext)?.getState();
  return state?.status === 'signed-in' ? state.session.sub : undefined;
}

/** True when this user left a draft under `key` (e.g. to reopen the dialog it belongs to). */
export function useHasDraft(key: string): boolean {
  const sub = useSub();
  const [has] = useState(() => hasDraft(sub, key));
  return has;
}

/**
 * useState that also keeps the value in this tab's sessionStorage under the user's `sub`, so a form survives
 * a trip through sign-in. Call `discard` when the form is submitted or abandoned.
 */
export function useDraft<T>(key: string, initial: () => T, isValid: (v: unknown) => v is T): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const sub = useSub();
  const [value, setValue] = useState<T>(() => readDraft(sub, key, isValid) ?? initial());
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        writeDraft(sub, key, v);
        return v;
      }),
    [sub, key],
  );
  const discard = useCallback(() => clearDraft(sub, key), [sub, key]);
  return [value, set, discard];
}

export function isRecordOf(v: unknown, shape: Record<string, 'string' | 'array'>): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return Object.entries(shape).every(([k, t]) => (t === 'array' ? Array.isArray(o[k]) : typeof o[k] === t));
}
