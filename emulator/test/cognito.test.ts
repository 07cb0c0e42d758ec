// Cognito Identity as the emulator serves it: GetId and GetCredentialsForIdentity for unauthenticated identities,
// called directly and through the SDK's fromCognitoIdentityPool, with credentials the IVS side then enforces.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { CredentialStore } from '../src/auth/credentials.ts';
import { CognitoIdentityService } from '../src/cognito/identity.ts';
import { errorBody, type ServiceError } from '../src/errors.ts';
import { verifySigV4 } from '../src/http/sigv4.ts';
import { failure, signRequest } from './sigv4-support.ts';

const ACCOUNT = '123456789012';
const EAST_POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const WEST_POOL = 'us-west-2:00000000-0000-4000-8000-000000000002';
const CLOSED_POOL = 'us-east-1:00000000-0000-4000-8000-00000000000c';
const HOUR = 3_600_000;

let semanticNow = Date.UTC(2026, 10, 23, 12, 0, 0);
const now = () => semanticNow;
const store = new CredentialStore({ accountId: ACCOUNT, now });
const pools = [
  { id: EAST_POOL, region: 'us-east-1', allowUnauthenticated: true },
  { id: WEST_POOL, region: 'us-west-2', allowUnauthenticated: true },
  { id: CLOSED_POOL, region: 'us-east-1', allowUnauthenticated: false },
];
const cognito = new CognitoIdentityService({ accountId: ACCOUNT, pools, credentials: store, now });
const call = (op: string, body: unknown) => cognito.handle(`AWSCognitoIdentityService.${op}`, body);
const getId = async (body: unknown) => ((await call('GetId', body)) as { IdentityId: string }).IdentityId;

describe('GetId', () => {
  it('gives a fresh identity in the pool region on every unauthenticated call', async () => {
    const a = await getId({ IdentityPoolId: WEST_POOL });
    const b = await getId({ IdentityPoolId: WEST_POOL, Logins: {} });
    expect(a).toMatch(/^us-west-2:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it('refuses an unknown pool, a foreign account, a closed pool and logins', async () => {
    expect(await failure(call('GetId', { IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-0000000000ff' }))).toMatchObject({
      code: 'ResourceNotFoundException', status: 400, style: 'json11',
    });
    expect(await failure(call('GetId', { IdentityPoolId: EAST_POOL, AccountId: '999999999999' }))).toMatchObject({ code: 'ResourceNotFoundException' });
    expect(await failure(call('GetId', { IdentityPoolId: CLOSED_POOL }))).toMatchObject({
      code: 'NotAuthorizedException', status: 400, message: 'Unauthenticated access is not supported for this identity pool.',
    });
    expect(await failure(call('GetId', { IdentityPoolId: EAST_POOL, Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc': 'eyJ.x.y' } }))).toMatchObject({
      code: 'NotAuthorizedException', message: 'Token is not from a supported provider of this identity pool.',
    });
  });

  it.each([
    ['a missing pool id', {}, /Value null at 'IdentityPoolId'/],
    ['a pool id off its pattern', { IdentityPoolId: 'us-east-1_NOTAPOOL' }, /regular expression pattern/],
    ['a pool id over 55 characters', { IdentityPoolId: `us-east-1:${'a'.repeat(50)}` }, /less than or equal to 55/],
    ['an account id with letters', { IdentityPoolId: EAST_POOL, AccountId: 'abc' }, /'AccountId'/],
    ['more than 10 logins', { IdentityPoolId: EAST_POOL, Logins: Object.fromEntries([...Array(11).keys()].map((i) => [`p${i}`, 't'])) }, /'Logins'/],
  ])('answers InvalidParameterException for %s', async (_label, body, message) => {
    const e = await failure(call('GetId', body));
    expect(e).toMatchObject({ code: 'InvalidParameterException', status: 400 });
    expect(e.message).toMatch(message);
  });

  it('answers SerializationException for a member of the wrong JSON type', async () => {
    expect(await failure(call('GetId', { IdentityPoolId: 42 }))).toMatchObject({ code: 'SerializationException', status: 400 });
    expect(await failure(call('GetId', []))).toMatchObject({ code: 'SerializationException' });
  });
});

describe('GetCredentialsForIdentity', () => {
  it('issues one-hour credentials that the credential store knows, with Expiration in epoch seconds', async () => {
    const id = await getId({ IdentityPoolId: EAST_POOL });
    const out = (await call('GetCredentialsForIdentity', { IdentityId: id })) as {
      IdentityId: string;
      Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
    };
    expect(out.IdentityId).toBe(id);
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials.SecretKey).toHaveLength(40);
    expect(out.Credentials.SessionToken.length).toBeGreaterThan(300);
    expect(out.Credentials.Expiration).toBe((semanticNow + HOUR) / 1000);
    const known = store.find(out.Credentials.AccessKeyId);
    expect(known).toMatchObject({ secretAccessKey: out.Credentials.SecretKey, sessionToken: out.Credentials.SessionToken });
    expect(known?.caller).toMatchObject({ kind: 'cognito', identityId: id, expiresAt: semanticNow + HOUR });
  });

  it('refuses an unknown identity, a malformed id and logins', async () => {
    expect(await failure(call('GetCredentialsForIdentity', { IdentityId: 'us-east-1:00000000-0000-4000-8000-0000000000ff' }))).toMatchObject({ code: 'ResourceNotFoundException' });
    expect(await failure(call('GetCredentialsForIdentity', { IdentityId: 'nope' }))).toMatchObject({ code: 'InvalidParameterException' });
    const id = await getId({ IdentityPoolId: EAST_POOL });
    expect(await failure(call('GetCredentialsForIdentity', { IdentityId: id, Logins: { p: 't' } }))).toMatchObject({ code: 'NotAuthorizedException' });
  });
});

describe('other targets', () => {
  it('names a Cognito operation the emulator lacks, and refuses an unknown target', async () => {
    const e = await failure(call('GetOpenIdToken', { IdentityId: 'x' }));
    expect(e).toMatchObject({ code: 'UnknownOperationException', status: 400, style: 'json11' });
    expect(e.message).toMatch(/GetOpenIdToken is not supported by this emulator/);
    expect(await failure(cognito.handle('Bogus.Target', {}))).toMatchObject({ code: 'UnknownOperationException' });
  });
});

describe('persistence', () => {
  it('keeps identities and issued credentials across snapshot and restore', async () => {
    const id = await getId({ IdentityPoolId: WEST_POOL });
    const out = (await call('GetCredentialsForIdentity', { IdentityId: id })) as { Credentials: { AccessKeyId: string } };
    const store2 = new CredentialStore({ accountId: ACCOUNT, now });
    store2.restore(JSON.parse(JSON.stringify(store.snapshot())));
    const cognito2 = new CognitoIdentityService({ accountId: ACCOUNT, pools, credentials: store2, now });
    cognito2.restore(JSON.parse(JSON.stringify(cognito.snapshot())));
    expect(store2.find(out.Credentials.AccessKeyId)?.caller.identityId).toBe(id);
    await expect(cognito2.handle('AWSCognitoIdentityService.GetCredentialsForIdentity', { IdentityId: id })).resolves.toMatchObject({ IdentityId: id });
    store2.restore({ issued: [{ accessKeyId: 'x' }] });
    cognito2.restore('garbage');
    expect(store2.find(out.Credentials.AccessKeyId)).toBeUndefined();
  });
});

describe('fromCognitoIdentityPool against the service over HTTP', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        cognito.handle(String(req.headers['x-amz-target']), JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')).then(
          (out) => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(out)),
          (e: ServiceError) =>
            res.writeHead(e.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': `${e.code}:`, 'x-amzn-ErrorMessage': e.message }).end(JSON.stringify(errorBody(e))),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('yields credentials that sign IVS calls until the semantic clock passes their expiry', async () => {
    const provider = fromCognitoIdentityPool({ identityPoolId: WEST_POOL, clientConfig: { region: 'us-west-2', endpoint: url } });
    const creds = await provider();
    expect(creds.identityId).toMatch(/^us-west-2:/);
    expect(creds.expiration?.getTime()).toBe(semanticNow + HOUR);
    expect(store.find(creds.accessKeyId)?.caller).toMatchObject({ kind: 'cognito', identityId: creds.identityId });

    const req = await signRequest({ credentials: creds, region: 'us-west-2' });
    await expect(verifySigV4(req, store, { service: 'ivs' })).resolves.toMatchObject({ region: 'us-west-2', caller: { identityId: creds.identityId } });
    const saved = semanticNow;
    semanticNow += HOUR;
    expect(await failure(verifySigV4(req, store, { service: 'ivs' }))).toMatchObject({ code: 'ExpiredTokenException', status: 403 });
    semanticNow = saved;
  });

  it('surfaces NotAuthorizedException as the SDK class for a pool without unauthenticated access', async () => {
    const provider = fromCognitoIdentityPool({ identityPoolId: CLOSED_POOL, clientConfig: { region: 'us-east-1', endpoint: url } });
    await expect(provider()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.' });
  });
});
