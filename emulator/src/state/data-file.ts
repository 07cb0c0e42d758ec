// The data file (--data-file): restores every part of the emulator's state on start and saves it after each change,
// and once more on close. Writing is crash-safe (persistence.ts). A change made by a request is on disk before that
// request is answered (the server calls settle() first), since a change the caller was told about must survive a restart; changes
// nobody waits for (sessions ending on the timer) gather for SAVE_DELAY_MS into one save.
import { PageTokens } from './page-tokens.ts';
import { readSnapshot, SNAPSHOT_VERSION, writeSnapshot } from './persistence.ts';

/**
 * A part of the emulator whose state is saved: described by shape rather than by class, because the credential
 * store, the identity pool and the user pool sit in layers above state/ and state/ never imports upwards.
 */
export type PersistedPart = {
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  onChange(listener: () => void): void;
};

type Parts = { world: PersistedPart; credentials: PersistedPart; cognito: PersistedPart; userPool: PersistedPart };

export type DataFile = {
  /** Page tokens keep their secret across restarts, so a token handed out before still works. */
  tokens: PageTokens;
  /** Writes the file now (no-op without one). */
  flush(): void;
  /** Writes the file now if a change is waiting to be saved: call before answering a request. */
  settle(): void;
  /** Cancels a pending save (close() flushes right after). */
  cancel(): void;
};

/** How long changes gather before one save. */
const SAVE_DELAY_MS = 100;

export function attachDataFile(path: string | undefined, parts: Parts): DataFile {
  const { world, credentials, cognito, userPool } = parts;
  let tokens = new PageTokens();
  const snapshot = path ? readSnapshot(path) : undefined;
  if (snapshot) {
    world.restore(snapshot.world);
    credentials.restore(snapshot.credentials);
    cognito.restore(snapshot.cognito);
    userPool.restore(snapshot.userPool);
    tokens = new PageTokens(Buffer.from(snapshot.pageTokenSecret, 'base64'));
  }
  const flush = (): void => {
    if (!path) return;
    writeSnapshot(path, {
      version: SNAPSHOT_VERSION,
      savedAt: new Date().toISOString(),
      world: world.snapshot(),
      credentials: credentials.snapshot(),
      cognito: cognito.snapshot(),
      userPool: userPool.snapshot(),
      pageTokenSecret: tokens.secret,
    });
  };
  let timer: NodeJS.Timeout | undefined;
  const scheduleSave = (): void => {
    if (!path || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      flush();
    }, SAVE_DELAY_MS);
  };
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  world.onChange(scheduleSave);
  userPool.onChange(scheduleSave);
  credentials.onChange(scheduleSave);
  cognito.onChange(scheduleSave);
  return {
    tokens,
    flush,
    settle: () => {
      if (!timer) return;
      cancel();
      try {
        flush();
      } catch (e) {
        // A full or read-only disk must not take the service down with it: say so, and try again shortly.
        console.error(`emulator: could not save ${path}: ${(e as Error).message}`);
        scheduleSave();
      }
    },
    cancel,
  };
}
