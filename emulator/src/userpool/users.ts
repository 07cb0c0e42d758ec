// The user pool's groups and users, seeded from a JSON file (emulator/users.json by default). The file is checked
// strictly: a typo must fail at start-up with the field named, never produce a user who silently cannot sign in
// or a group that silently maps to no role.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PoolGroup } from './groups.ts';

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

export type UserFile = { groups: PoolGroup[]; users: PoolUser[] };

// IAM role ARNs: arn:<partition>:iam::<account>:role/<path/>name (name 1-64 of [\w+=,.@-]).
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const MAX_PRECEDENCE = 2 ** 31 - 1;

export function parseGroups(raw: unknown, source = 'users'): PoolGroup[] {
  const list = (raw as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(list)) throw new Error(`${source}: expected a "groups" list next to "users", each {"name", "roleArn", "precedence"}.`);
  const seen = new Set<string>();
  return list.map((g: unknown, i) => {
    const at = `${source}: groups[${i}]`;
    if (!g || typeof g !== 'object') throw new Error(`${at} is not an object.`);
    const r = g as Record<string, unknown>;
    const extra = Object.keys(r).filter((k) => !['name', 'description', 'roleArn', 'precedence'].includes(k));
    if (extra.length) throw new Error(`${at} has ${extra.join(', ')}; a group has name, description, roleArn and precedence only.`);
    if (typeof r.name !== 'string' || !NAME.test(r.name)) throw new Error(`${at}.name must be 1-128 letters, digits or punctuation.`);
    if (seen.has(r.name)) throw new Error(`${at}.name "${r.name}" appears twice.`);
    seen.add(r.name);
    if (r.description !== undefined && typeof r.description !== 'string') throw new Error(`${at}.description must be a string.`);
    if (r.roleArn !== undefined && (typeof r.roleArn !== 'string' || !ROLE_ARN.test(r.roleArn))) throw new Error(`${at}.roleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/greenroom-support.`);
    if (r.precedence !== undefined && !(Number.isInteger(r.precedence) && (r.precedence as number) >= 0 && (r.precedence as number) <= MAX_PRECEDENCE)) {
      throw new Error(`${at}.precedence must be a whole number from 0 to ${MAX_PRECEDENCE} (lower wins).`);
    }
    return {
      name: r.name,
      ...(r.description !== undefined ? { description: r.description as string } : {}),
      ...(r.roleArn !== undefined ? { roleArn: r.roleArn as string } : {}),
      ...(r.precedence !== undefined ? { precedence: r.precedence as number } : {}),
    };
  });
}

/** Groups and users; every group a user is in must be one of the file's groups, as in Cognito. */
export function parseUserFile(raw: unknown, source = 'users'): UserFile {
  const groups = parseGroups(raw, source);
  const users = parseUsers(raw, source);
  const names = new Set(groups.map((g) => g.name));
  users.forEach((u, i) => {
    const unknown = u.groups.filter((g) => !names.has(g));
    if (unknown.length) throw new Error(`${source}: users[${i}].groups names ${unknown.map((g) => `"${g}"`).join(', ')}, which is not a group of the pool (groups: ${[...names].join(', ') || 'none'}).`);
  });
  return { groups, users };
}

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

export function loadUserFile(path = DEFAULT_USERS_FILE): UserFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read the user file ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parseUserFile(raw, path);
}

export function loadUsers(path = DEFAULT_USERS_FILE): PoolUser[] {
  return loadUserFile(path).users;
}

/**
 * The groups of a file written for one account (the shipped demo file names 123456789012) moved to the account the
 * emulator serves: role ARNs in `from` are rewritten to `to`; any other account is left as written (and refused
 * later, as STS would refuse a role of another account that does not trust the identity pool).
 */
export function retargetGroups(groups: PoolGroup[], from: string, to: string): PoolGroup[] {
  return groups.map((g) => (g.roleArn ? { ...g, roleArn: g.roleArn.replace(new RegExp(`^(arn:[^:]+:iam::)${from}(:role/)`), `$1${to}$2`) } : g));
}
