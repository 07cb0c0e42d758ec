// The data file (--data-file): restores every part of the emulator's state on start and saves it (debounced)
// after each change, and once more on close. Writing is crash-safe (persistence.ts).
import type { CredentialStore } from '../auth/credentials.ts';
import type { CognitoIdentityService } from '../cognito/identity.ts';
import { PageTokens } from '../operations/pagination.ts';
import type { UserPool } from '../userpool/pool.ts';
import { readSnapshot, SNAPSHOT_VERSION, writeSnapshot } from './persistence.ts';
import type { World } from './world.ts';

type Parts = { world: World; credentials: CredentialStore; cognito: CognitoIdentityService; userPool: UserPool };

export type DataFile = {
  /** Page tokens keep their secret across restarts, so a token handed out before still works. */
  tokens: PageTokens;
  /** Writes the file now (no-op without one). */
  flush(): void;
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
  world.onChange(scheduleSave);
  userPool.onChange(scheduleSave);
  return {
    tokens,
    flush,
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
