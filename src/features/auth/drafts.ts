// Form drafts that survive a trip through sign-in (expired session): sessionStorage, scoped to the user's `sub`,
// wiped at sign-out. Only what staff typed into forms; never tokens or AWS data.

const PREFIX = 'greenroom.draft:';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function fullKey(sub: string, key: string): string {
  return `${PREFIX}${sub}:${key}`;
}

export function readDraft<T>(sub: string | undefined, key: string, isValid: (v: unknown) => v is T): T | undefined {
  if (!sub) return undefined;
  const raw = storage()?.getItem(fullKey(sub, key));
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
    storage()?.setItem(fullKey(sub, key), JSON.stringify(value));
  } catch {
    // Storage full or blocked: the draft is a convenience, the form still works.
  }
}

export function clearDraft(sub: string | undefined, key: string): void {
  if (sub) storage()?.removeItem(fullKey(sub, key));
}

export function hasDraft(sub: string | undefined, key: string): boolean {
  return !!sub && storage()?.getItem(fullKey(sub, key)) != null;
}

/** Removes every draft, or every draft not belonging to `keepSub`. */
export function wipeDrafts(keepSub?: string): void {
  const s = storage();
  if (!s) return;
  const doomed: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX) && (!keepSub || !k.startsWith(`${PREFIX}${keepSub}:`))) doomed.push(k);
  }
  for (const k of doomed) s.removeItem(k);
}
