// Authenticated identities: GetId and GetCredentialsForIdentity through the SDK's fromCognitoIdentityPool with a
// user-pool ID token as the login, and every ID token the identity pool must refuse.
import { generateKeyPairSync } from 'node:crypto';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIdentityPools } from '../src/server.ts';
import { LOGINS_KEY, signIn } from './signin.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
let poolId = '';
beforeAll(async () => {
  t = await startEmulator();
  poolId = defaultIdentityPools(t.emulator.regions)[0].id;
});
afterAll(() => t.stop());

/** A raw awsJson1_1 call, as the SDK sends it; resolves the output, rejects {name, message} from the error body. */
async function call(op: 'GetId' | 'GetCredentialsForIdentity', input: Record<string, unknown>): Promise<{ IdentityId: string }> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${op}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { __type?: string; message?: string; IdentityId: string };
  if (!res.ok) throw Object.assign(new Error(body.message), { name: body.__type });
  return body;
}

const provider = (idToken: string, region = 'us-east-1') => {
  const pool = defaultIdentityPools(t.emulator.regions).find((p) => p.region === region);
  return fromCognitoIdentityPool({ identityPoolId: pool?.id ?? '', logins: { [LOGINS_KEY]: idToken }, clientConfig: { region, endpoint: t.url } });
};
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as Error);

describe('authenticated identities', () => {
  it('gives credentials of the role the groups map to, one identity per user and pool', async () => {
    const producer = await signIn(t.url, 'pat.producer');
    const creds = await provider(producer.id_token)();
    expect(creds.identityId).toMatch(/^us-east-1:/);
    expect((creds.expiration?.getTime() ?? 0) - Date.parse((await t.control.health()).now)).toBeGreaterThan(3_590_000);
    expect(t.emulator.credentials.find(creds.accessKeyId)?.caller).toMatchObject({
      kind: 'cognito', roleName: 'greenroom-producer', principalArn: 'arn:aws:sts::123456789012:assumed-role/greenroom-producer/CognitoIdentityCredentials',
    });
    // A second sign-in of the same user lands on the same identity; another user gets another one.
    const again = await provider((await signIn(t.url, 'pat.producer')).id_token)();
    expect(again.identityId).toBe(creds.identityId);
    const support = await provider((await signIn(t.url, 'sam.support')).id_token)();
    expect(support.identityId).not.toBe(creds.identityId);
    expect(t.emulator.credentials.find(support.accessKeyId)?.caller.roleName).toBe('greenroom-support');
    // Each region's identity pool trusts the one user pool.
    const west = await provider(producer.id_token, 'us-west-2')();
    expect(west.identityId).toMatch(/^us-west-2:/);
  });

  it('refuses calls without logins, and another user\'s token for an identity', async () => {
    await expect(refusal(call('GetId', { IdentityPoolId: poolId }))).resolves.toMatchObject({
      name: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.',
    });
    const pat = (await signIn(t.url, 'pat.producer')).id_token;
    const sam = (await signIn(t.url, 'sam.support')).id_token;
    const { IdentityId } = await call('GetId', { IdentityPoolId: poolId, Logins: { [LOGINS_KEY]: pat } });
    await expect(refusal(call('GetCredentialsForIdentity', { IdentityId, Logins: { [LOGINS_KEY]: sam } }))).resolves.toMatchObject({
      name: 'NotAuthorizedException', message: expect.stringMatching(/^Logins don't match/),
    });
    await expect(refusal(call('GetCredentialsForIdentity', { IdentityId }))).resolves.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('ID tokens the identity pool refuses', () => {
  const resign = async (token: string, claims: Record<string, unknown>) => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return new SignJWT({ ...decodeJwt(token), ...claims }).setProtectedHeader(decodeProtectedHeader(token) as { alg: string }).sign(privateKey);
  };

  it.each([
    ['a forged signature (same kid, another key)', async (good: string) => resign(good, {}), "Invalid login token. Couldn't verify signed token."],
    ['a changed payload under the real signature', async (good: string) => {
      const [h, , s] = good.split('.');
      const p = Buffer.from(JSON.stringify({ ...decodeJwt(good), 'cognito:groups': ['producer'] })).toString('base64url');
      return `${h}.${p}.${s}`;
    }, "Invalid login token. Couldn't verify signed token."],
    ['an unsigned token (alg none)', async (good: string) => {
      const p = good.split('.')[1];
      return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    }, "Invalid login token. Couldn't verify signed token."],
    ['a wrong audience', async () => (await t.control.mintTokens({ username: 'sam.support', clientId: 'someotherappclient' })).idToken, 'Invalid login token. Incorrect token audience.'],
    ['an access token', async () => (await t.control.mintTokens({ username: 'sam.support' })).accessToken, 'Invalid login token. Missing a required claim: aud'],
    ['a wrong issuer', async () => (await t.control.mintTokens({ username: 'sam.support', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' })).idToken, "Invalid login token. Issuer doesn't match providerName"],
    ['not a JWT', async () => 'not-a-token', 'Invalid login token. Not a valid OpenId Connect identity token.'],
  ])('refuses %s', async (_label, make, message) => {
    const good = (await signIn(t.url, 'sam.support')).id_token;
    const token = await make(good);
    await expect(refusal(provider(token)())).resolves.toMatchObject({ name: 'NotAuthorizedException', message });
    await expect(refusal(call('GetId', { IdentityPoolId: poolId, Logins: { [LOGINS_KEY]: token } }))).resolves.toMatchObject({ name: 'NotAuthorizedException', message });
  });

  it('refuses an expired token on both calls, naming now and exp', async () => {
    const now = Math.floor(Date.parse((await t.control.health()).now) / 1000);
    const { idToken } = await t.control.mintTokens({ username: 'pat.producer', issuedAt: now - 3600 });
    const exp = now;
    const e = await refusal(provider(idToken)());
    expect(e).toMatchObject({ name: 'NotAuthorizedException' });
    expect(e.message).toMatch(new RegExp(`^Invalid login token\\. Token expired: (\\d+) >= ${exp}$`));

    const fresh = (await signIn(t.url, 'pat.producer')).id_token;
    const { IdentityId } = await call('GetId', { IdentityPoolId: poolId, Logins: { [LOGINS_KEY]: fresh } });
    await t.control.advanceClock(3600_000);
    const later = await refusal(call('GetCredentialsForIdentity', { IdentityId, Logins: { [LOGINS_KEY]: fresh } }));
    expect(later.message).toMatch(/^Invalid login token\. Token expired: \d+ >= \d+$/);
  });

  it('refuses a token from a provider the pool does not trust', async () => {
    const good = (await signIn(t.url, 'sam.support')).id_token;
    const e = await refusal(call('GetId', { IdentityPoolId: poolId, Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other': good } }));
    expect(e).toMatchObject({ name: 'NotAuthorizedException', message: 'Token is not from a supported provider of this identity pool.' });
  });

  it('gives a user in no staff group an identity but no credentials', async () => {
    const { idToken } = await t.control.mintTokens({ username: 'sam.support', groups: ['viewers'] });
    const e = await refusal(provider(idToken)());
    expect(e.name).toBe('NotAuthorizedException');
    expect(e.message).toMatch(/the token has no role \(its groups carry none\), and AmbiguousRoleResolution is Deny/);
  });
});
