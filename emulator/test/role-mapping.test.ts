// Strict role mapping: user pool groups carry a role ARN and a precedence, the ID token carries cognito:roles and
// cognito:preferred_role, and the identity pool (Token mapping, AmbiguousRoleResolution Deny) assumes the
// preferred role. A look-alike group name (producer-trainee, notproducer) never reaches the producer role.
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseRole, defaultRoleMapping, rolesClaim } from '../src/cognito/role-mapping.ts';
import { defaultIdentityPools } from '../src/server.ts';
import { type PoolGroup, roleClaims } from '../src/userpool/groups.ts';
import { loadUserFile, parseUserFile, type PoolUser } from '../src/userpool/users.ts';
import { LOGINS_KEY } from './signin.ts';
import { startEmulator, type TestEmulator } from './support.ts';

const PRODUCER = 'arn:aws:iam::123456789012:role/greenroom-producer';
const SUPPORT = 'arn:aws:iam::123456789012:role/greenroom-support';

// The shipped groups plus the look-alikes an administrator might create for other purposes, with no role. The
// trainee group even has the best precedence of all: precedence only ranks groups that carry a role.
const GROUPS: PoolGroup[] = [
  ...loadUserFile().groups,
  { name: 'producer-trainee', description: 'look-alike, no role', precedence: 0 },
  { name: 'notproducer', description: 'look-alike, no role' },
  { name: 'tie-producer', roleArn: PRODUCER, precedence: 5 },
  { name: 'tie-support', roleArn: SUPPORT, precedence: 5 },
  { name: 'elsewhere', roleArn: 'arn:aws:iam::999999999999:role/greenroom-producer', precedence: 0 },
];
const user = (username: string, groups: string[], i: number): PoolUser => ({
  username, password: 'Local-demo-pass-1', sub: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, groups, enabled: true,
});
const USERS: PoolUser[] = [
  ['trainee', ['producer-trainee']],
  ['notprod', ['notproducer']],
  ['support-and-notprod', ['support', 'notproducer']],
  ['trainee-and-support', ['producer-trainee', 'support']],
  ['both', ['support', 'producer']],
  ['tie', ['tie-producer', 'tie-support']],
  ['nobody', []],
  ['foreign', ['elsewhere']],
].map(([name, groups], i) => user(name as string, groups as string[], i + 1));

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator({ users: USERS, groups: GROUPS });
});
afterAll(() => t.stop());

const idTokenOf = async (username: string) => (await t.control.mintTokens({ username })).idToken;
async function credentialsFor(username: string, customRoleArn?: string) {
  const pool = defaultIdentityPools(t.emulator.regions)[0];
  const provider = fromCognitoIdentityPool({
    identityPoolId: pool.id, logins: { [LOGINS_KEY]: await idTokenOf(username) }, customRoleArn, clientConfig: { region: 'us-east-1', endpoint: t.url },
  });
  try {
    const c = await provider();
    return { role: t.emulator.credentials.find(c.accessKeyId)?.caller.roleName };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

describe('ID token role claims from the pool groups', () => {
  it('carry the roles of the user\'s groups and the preferred role by precedence', async () => {
    expect(decodeJwt(await idTokenOf('both'))).toMatchObject({ 'cognito:groups': ['support', 'producer'], 'cognito:roles': [PRODUCER, SUPPORT], 'cognito:preferred_role': PRODUCER });
    expect(decodeJwt(await idTokenOf('support-and-notprod'))).toMatchObject({ 'cognito:roles': [SUPPORT], 'cognito:preferred_role': SUPPORT });
  });

  it('are absent for groups without a role, and the preferred role is absent on a precedence tie', async () => {
    for (const u of ['trainee', 'notprod', 'nobody']) {
      const claims = decodeJwt(await idTokenOf(u));
      expect(claims).not.toHaveProperty('cognito:roles');
      expect(claims).not.toHaveProperty('cognito:preferred_role');
    }
    const tie = decodeJwt(await idTokenOf('tie'));
    expect(tie['cognito:roles']).toEqual([PRODUCER, SUPPORT]);
    expect(tie).not.toHaveProperty('cognito:preferred_role');
  });
});

describe('identity pool, Token mapping with AmbiguousRoleResolution Deny', () => {
  it.each(['trainee', 'notprod', 'nobody'])('gives %s (no group with a role) no credentials at all', async (u) => {
    expect(await credentialsFor(u)).toMatchObject({ error: 'NotAuthorizedException', message: expect.stringMatching(/the token has no role/) });
  });

  it('never gives producer-trainee, notproducer or support + notproducer the producer role', async () => {
    const roles = await Promise.all(['trainee', 'notprod', 'support-and-notprod', 'trainee-and-support'].map((u) => credentialsFor(u)));
    expect(roles.map((r) => r.role ?? r.error)).toEqual(['NotAuthorizedException', 'NotAuthorizedException', 'greenroom-support', 'greenroom-support']);
  });

  it('gives a user in both staff groups the producer role (precedence 1 beats 2)', async () => {
    expect(await credentialsFor('both')).toEqual({ role: 'greenroom-producer' });
  });

  it('denies a token with several roles and no preferred one', async () => {
    expect(await credentialsFor('tie')).toMatchObject({ error: 'NotAuthorizedException', message: expect.stringMatching(/several roles .* no cognito:preferred_role/) });
  });

  it('uses a CustomRoleArn that the token lists, and refuses one it does not', async () => {
    expect(await credentialsFor('both', SUPPORT)).toEqual({ role: 'greenroom-support' });
    expect(await credentialsFor('tie', SUPPORT)).toEqual({ role: 'greenroom-support' });
    expect(await credentialsFor('support-and-notprod', PRODUCER)).toMatchObject({ error: 'NotAuthorizedException', message: expect.stringMatching(/is not one of the roles in the token/) });
  });

  it('refuses a preferred role that STS would not assume for this pool (another account)', async () => {
    expect(await credentialsFor('foreign')).toMatchObject({ error: 'InvalidIdentityPoolConfigurationException', message: expect.stringMatching(/999999999999:role\/greenroom-producer is not a role of account 123456789012/) });
  });

  it('ignores a forged group name in the default pool too: the control API override buys no role', async () => {
    const d = await startEmulator();
    try {
      const pool = defaultIdentityPools(d.emulator.regions)[0];
      for (const groups of [['producer-trainee'], ['notproducer'], ['support', 'notproducer']]) {
        const { idToken } = await d.control.mintTokens({ username: 'sam.support', groups });
        const provider = fromCognitoIdentityPool({ identityPoolId: pool.id, logins: { [LOGINS_KEY]: idToken }, clientConfig: { region: 'us-east-1', endpoint: d.url } });
        const got = await provider().then((c) => d.emulator.credentials.find(c.accessKeyId)?.caller.roleName, (e: Error) => e.name);
        expect({ groups, got }).toEqual({ groups, got: groups.includes('support') ? 'greenroom-support' : 'NotAuthorizedException' });
      }
    } finally {
      await d.stop();
    }
  });
});

describe('the rules, as pure functions', () => {
  const g = (name: string, roleArn?: string, precedence?: number): PoolGroup => ({ name, ...(roleArn ? { roleArn } : {}), ...(precedence !== undefined ? { precedence } : {}) });

  it('roleClaims: one role is preferred whatever the precedence; equal best precedence with one role is preferred too', () => {
    expect(roleClaims(['a'], [g('a', SUPPORT)])).toEqual({ 'cognito:roles': [SUPPORT], 'cognito:preferred_role': SUPPORT });
    expect(roleClaims(['a', 'b'], [g('a', SUPPORT, 3), g('b', SUPPORT, 3)])).toEqual({ 'cognito:roles': [SUPPORT], 'cognito:preferred_role': SUPPORT });
    expect(roleClaims(['a', 'b'], [g('a', PRODUCER), g('b', SUPPORT)])).toEqual({ 'cognito:roles': [PRODUCER, SUPPORT] });
    expect(roleClaims(['a', 'b'], [g('a', PRODUCER), g('b', SUPPORT, 9)])).toEqual({ 'cognito:roles': [SUPPORT, PRODUCER], 'cognito:preferred_role': SUPPORT });
    expect(roleClaims(['x', 'producer-trainee'], [g('producer', PRODUCER, 1), g('producer-trainee')])).toEqual({});
  });

  it('chooseRole follows the documented order: CustomRoleArn, then preferred role, then Deny', () => {
    const m = defaultRoleMapping();
    expect(m).toEqual({ Type: 'Token', AmbiguousRoleResolution: 'Deny' });
    expect(chooseRole(m, { 'cognito:roles': [PRODUCER, SUPPORT], 'cognito:preferred_role': PRODUCER })).toEqual({ roleArn: PRODUCER });
    expect(chooseRole(m, { 'cognito:roles': [PRODUCER, SUPPORT], 'cognito:preferred_role': PRODUCER }, SUPPORT)).toEqual({ roleArn: SUPPORT });
    expect(chooseRole(m, { 'cognito:roles': [SUPPORT], 'cognito:preferred_role': SUPPORT }, PRODUCER)).toHaveProperty('denied');
    expect(chooseRole(m, { 'cognito:roles': [PRODUCER, SUPPORT] })).toHaveProperty('denied');
    // cognito:groups alone never picks a role, whatever it says.
    expect(chooseRole(m, { 'cognito:groups': ['producer'] })).toHaveProperty('denied');
  });

  it('reads cognito:roles as an array or as the comma-separated string the developer guide describes', () => {
    expect(rolesClaim([PRODUCER, SUPPORT])).toEqual([PRODUCER, SUPPORT]);
    expect(rolesClaim(`${PRODUCER},${SUPPORT}`)).toEqual([PRODUCER, SUPPORT]);
    expect(rolesClaim(undefined)).toEqual([]);
    expect(rolesClaim([1, ''])).toEqual([]);
  });
});

describe('the user file', () => {
  const file = (groups: unknown, users: unknown[] = []) => ({ groups, users });
  const u = { username: 'x', password: 'Password-1', sub: '00000000-0000-4000-8000-000000000001', groups: ['producr'], enabled: true };

  it('ships the staff groups with their roles and precedence, matching infra/', () => {
    expect(loadUserFile().groups.map(({ name, roleArn, precedence }) => ({ name, roleArn, precedence }))).toEqual([
      { name: 'producer', roleArn: PRODUCER, precedence: 1 },
      { name: 'support', roleArn: SUPPORT, precedence: 2 },
    ]);
  });

  it('refuses a user in a group the pool does not have, a bad role ARN, a bad precedence and a missing groups list', () => {
    expect(() => parseUserFile(file([{ name: 'producer' }], [u]), 'f')).toThrow('f: users[0].groups names "producr", which is not a group of the pool (groups: producer).');
    expect(() => parseUserFile(file([{ name: 'a', roleArn: 'greenroom-producer' }]), 'f')).toThrow(/f: groups\[0\]\.roleArn must be an IAM role ARN/);
    expect(() => parseUserFile(file([{ name: 'a', precedence: -1 }]), 'f')).toThrow(/f: groups\[0\]\.precedence must be a whole number/);
    expect(() => parseUserFile(file([{ name: 'a', role: 'x' }]), 'f')).toThrow(/f: groups\[0\] has role/);
    expect(() => parseUserFile({ users: [] }, 'f')).toThrow(/f: expected a "groups" list/);
  });
});
