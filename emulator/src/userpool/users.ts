// The user pool's users, seeded from a JSON file (emulator/users.json by default). The file is checked strictly:
// a typo must fail at start-up with the field named, never produce a user who silently cannot sign in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type PoolUser = {
  username: string;
  /** Demo passwords only: kept in clear so that `npm start` can print them. */
  password: string;
  sub: string;
  email?: string;
  groups: string[];
  enabled: boolean;
};

export const DEFAULT_USERS_FILE = fileURLToPath(new URL('../../users.json', import.meta.url));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Cognito's username pattern ([\p{L}\p{M}\p{S}\p{N}\p{P}]+, at most 128); the group name pattern is the same.
const NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

export function parseUsers(raw: unknown, source = 'users'): PoolUser[] {
  const list = (raw as { users?: unknown } | null)?.users;
  if (!Array.isArray(list)) throw new Error(`${source}: expected {"users": [...]}.`);
  const seen = new Set<string>();
  return list.map((u: unknown, i) => {
    const at = `${source}: users[${i}]`;
    if (!u || typeof u !== 'object') throw new Error(`${at} is not an object.`);
    const r = u as Record<string, unknown>;
    if (typeof r.username !== 'string' || !NAME.test(r.username)) throw new Error(`${at}.username must be 1-128 letters, digits or punctuation.`);
    if (seen.has(r.username)) throw new Error(`${at}.username "${r.username}" appears twice.`);
    seen.add(r.username);
    if (typeof r.password !== 'string' || r.password.length < 8) throw new Error(`${at}.password must be a string of 8 or more characters.`);
    if (typeof r.sub !== 'string' || !UUID.test(r.sub)) throw new Error(`${at}.sub must be a lower-case UUID (it keeps the user's identity id stable).`);
    if (r.email !== undefined && (typeof r.email !== 'string' || !r.email.includes('@'))) throw new Error(`${at}.email must be an e-mail address.`);
    if (!Array.isArray(r.groups) || !r.groups.every((g) => typeof g === 'string' && NAME.test(g))) throw new Error(`${at}.groups must be a list of group names.`);
    if (typeof r.enabled !== 'boolean') throw new Error(`${at}.enabled must be true or false.`);
    return { username: r.username, password: r.password, sub: r.sub, email: r.email as string | undefined, groups: [...(r.groups as string[])], enabled: r.enabled };
  });
}

export function loadUsers(path = DEFAULT_USERS_FILE): PoolUser[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read the user file ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parseUsers(raw, path);
}
