// Crash-safe persistence of the whole emulator state to one JSON file: write a temporary file beside it,
// fsync it, rename it over the old one, fsync the folder. A crash leaves either the old or the new file,
// never half of one.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const SNAPSHOT_VERSION = 1;

export type Snapshot = {
  version: number;
  savedAt: string;
  world: unknown;
  credentials: unknown;
  cognito: unknown;
  /** Absent in files written before the user pool existed; the pool then starts with a new key. */
  userPool?: unknown;
  pageTokenSecret: string;
};

export function writeSnapshot(path: string, snapshot: Snapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(snapshot));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dir = openSync(dirname(path), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic there.
  }
}

/** The snapshot in `path`, undefined if there is none; throws a clear error for a file that is not one. */
export function readSnapshot(path: string): Snapshot | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`The data file ${path} is not valid JSON (${(e as Error).message}). Move it away to start empty.`, { cause: e });
  }
  const s = parsed as Partial<Snapshot>;
  if (typeof s !== 'object' || s === null || s.version !== SNAPSHOT_VERSION || typeof s.pageTokenSecret !== 'string') {
    throw new Error(`The data file ${path} is not a Greenroom emulator snapshot of version ${SNAPSHOT_VERSION}. Move it away to start empty.`);
  }
  return s as Snapshot;
}
