// Form drafts that survive a trip through sign-in (expired session): sessionStorage, scoped to the user's `sub`,
// wiped at sign-out. Only what staff typed into forms; never tokens or AWS data.

const PREFIX = 'greenroom.draft:';

/** This tab's sessionStorage, or null where the browser blocks it. */
export function draftStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Where a draft (or other per-user, per-tab state wiped at sign-out) of `sub` is kept. */
export function draftKey(sub: string, key: string): string {
  return `${PREFIX}${sub}:${key}`;
}

export function readDraft<T>(sub: string | undefined, key: string, isValid: (v: unknown) => v is T): T | undefined {
  if (!sub) return undefined;
  const raw = draftStorage()?.getItem(draftKey(sub, key));
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return isValid(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(sub: string | undefined, key: string, value: unknown): void {
  if (!sub) return;
  try {
    draftStorage()?.setItem(draftKey(sub, key), JSON.stringify(value));
  } catch {
    // Storage full or blocked: the draft is a convenience, the form still works.
  }
}

export function clearDraft(sub: string | undefined, key: string): void {
  if (sub) draftStorage()?.removeItem(draftKey(sub, key));
}

export function hasDraft(sub: string | undefined, key: string): boolean {
  return !!sub && draftStorage()?.getItem(draftKey(sub, key)) != null;
}

/** Every valid value of `sub` whose key starts with `keyPrefix` (damaged entries are skipped). */
export function readDraftsUnder<T>(sub: string | undefined, keyPrefix: string, isValid: (v: unknown) => v is T, store: Storage | null = draftStorage()): T[] {
  if (!sub || !store) return [];
  const prefix = draftKey(sub, keyPrefix);
  const out: T[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (!k?.startsWith(prefix)) continue;
    try {
      const v: unknown = JSON.parse(store.getItem(k) ?? '');
      if (isValid(v)) out.push(v);
    } catch {
      // A damaged entry is ignored.
    }
  }
  return out;
}

/** Removes every draft, or every draft not belonging to `keepSub`. */
export function wipeDrafts(keepSub?: string): void {
  const s = draftStorage();
  if (!s) return;
  const doomed: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX) && (!keepSub || !k.startsWith(`${PREFIX}${keepSub}:`))) doomed.push(k);
  }
  for (const k of doomed) s.removeItem(k);
}
