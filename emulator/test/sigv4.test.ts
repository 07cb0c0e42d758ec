// SigV4 as the emulator checks it: what the SDK signs is accepted, and each way of getting it wrong gets the
// error code AWS sends.
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IVSRealTimeClient, GetStageCommand, ListStagesCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-ivs-realtime';
import { CredentialStore, STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../src/auth/credentials.ts';
import { verifySigV4 } from '../src/http/sigv4.ts';
import { failure, signRequest, startVerifyingServer } from './sigv4-support.ts';

const ACCOUNT = '123456789012';
const STAGE_ARN = `arn:aws:ivs:us-west-2:${ACCOUNT}:stage/abcdABCDefgh`;
const ENCODED_ARN_PATH = '/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Astage%2FabcdABCDefgh';
const staticKey = { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY };

let semanticNow = Date.now();
const store = new CredentialStore({ accountId: ACCOUNT, now: () => semanticNow });
const verify = (req: Parameters<typeof verifySigV4>[0], realNow?: () => number) => verifySigV4(req, store, { service: 'ivs', realNow });

describe('requests signed by the SDK signer', () => {
  it('accepts a POST signed with the static key and reads the region from the scope', async () => {
    const { caller, region } = await verify(await signRequest({ credentials: staticKey, body: '{"arn":"x"}' }));
    expect(region).toBe('us-west-2');
    expect(caller).toMatchObject({ kind: 'static', accessKeyId: STATIC_ACCESS_KEY_ID, accountId: ACCOUNT });
  });

  it('accepts temporary credentials with their session token, signed or not', async () => {
    const temp = store.issueTemporary('us-west-2:11111111-2222-4333-8444-555555555555', 3_600_000);
    const creds = { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey, sessionToken: temp.sessionToken };
    const { caller } = await verify(await signRequest({ credentials: creds }));
    expect(caller).toMatchObject({ kind: 'cognito', identityId: 'us-west-2:11111111-2222-4333-8444-555555555555', expiresAt: temp.expiration });
    expect(caller.principalArn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/.+\/CognitoIdentityCredentials$/);
    const unsignedToken = await signRequest({ credentials: { ...creds, sessionToken: undefined } });
    unsignedToken.headers['x-amz-security-token'] = temp.sessionToken;
    await expect(verify(unsignedToken)).resolves.toMatchObject({ caller: { kind: 'cognito' } });
  });

  it('accepts the tag routes with a percent-encoded ARN and repeated tagKeys', async () => {
    await verify(await signRequest({ credentials: staticKey, method: 'GET', path: ENCODED_ARN_PATH }));
    await verify(await signRequest({ credentials: staticKey, path: ENCODED_ARN_PATH, body: '{"tags":{"a":"1"}}' }));
    await verify(await signRequest({ credentials: staticKey, method: 'DELETE', path: ENCODED_ARN_PATH, query: { tagKeys: ['a', 'b k'] } }));
  });

  it('ignores headers that were not signed', async () => {
    const req = await signRequest({ credentials: staticKey });
    Object.assign(req.headers, { 'user-agent': 'curl', 'x-amzn-trace-id': 'Root=1', 'x-extra': 'added later' });
    await expect(verify(req)).resolves.toBeTruthy();
  });
});

describe('the real IVSRealTimeClient against a verifying server', () => {
  let server: Awaited<ReturnType<typeof startVerifyingServer>>;
  beforeAll(async () => {
    server = await startVerifyingServer(store, { service: 'ivs' });
  });
  afterAll(() => server.close());

  const client = (credentials: IVSRealTimeClient['config']['credentials'] | typeof staticKey) =>
    new IVSRealTimeClient({ region: 'us-west-2', endpoint: server.url, credentials, maxAttempts: 1 });

  it('has every call accepted, with static and with temporary credentials', async () => {
    const temp = store.issueTemporary('us-west-2:aaaaaaaa-2222-4333-8444-555555555555', 3_600_000);
    for (const credentials of [staticKey, { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey, sessionToken: temp.sessionToken }]) {
      const ivs = client(credentials);
      server.seen.length = 0;
      await ivs.send(new GetStageCommand({ arn: STAGE_ARN }));
      await ivs.send(new ListStagesCommand({}));
      await ivs.send(new TagResourceCommand({ resourceArn: STAGE_ARN, tags: { team: 'live ops' } }));
      await ivs.send(new ListTagsForResourceCommand({ resourceArn: STAGE_ARN }));
      await ivs.send(new UntagResourceCommand({ resourceArn: STAGE_ARN, tagKeys: ['team', 'b k'] }));
      ivs.destroy();
      expect(server.seen.map((s) => s.error)).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(server.seen.slice(2).map((s) => s.rawPath)).toEqual([ENCODED_ARN_PATH, ENCODED_ARN_PATH, ENCODED_ARN_PATH]);
      expect(server.seen[4]).toMatchObject({ method: 'DELETE', rawQuery: 'tagKeys=team&tagKeys=b%20k' });
      expect(server.seen[0].signedHeaders).toContain('x-amz-content-sha256');
    }
  });

  it('raises InvalidSignatureException in the SDK for a wrong secret key', async () => {
    const ivs = client({ accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: 'not-the-secret' });
    await expect(ivs.send(new ListTagsForResourceCommand({ resourceArn: STAGE_ARN }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    });
    ivs.destroy();
  });
});

describe('rejections, each with the code AWS sends', () => {
  it('MissingAuthenticationTokenException without an Authorization header', async () => {
    const req = await signRequest({ credentials: staticKey });
    delete req.headers.authorization;
    expect(await failure(verify(req))).toMatchObject({ code: 'MissingAuthenticationTokenException', status: 403, style: 'gateway', message: 'Missing Authentication Token' });
  });

  it.each([
    ['another scheme', () => 'Bearer abc'],
    ['no Signature', (a: string) => a.replace(/, Signature=[0-9a-f]+/, '')],
    ['no Credential', (a: string) => a.replace(/Credential=[^,]+, /, '')],
    ['a short credential scope', (a: string) => a.replace('/ivs/aws4_request', '/ivs')],
    ['a bad terminator', (a: string) => a.replace('aws4_request', 'aws5_request')],
    ['a short signature', (a: string) => a.replace(/Signature=([0-9a-f]+)/, 'Signature=abc')],
    ['host not signed', (a: string) => a.replace('host;', '')],
  ])('IncompleteSignatureException for %s', async (_label, edit) => {
    const req = await signRequest({ credentials: staticKey });
    req.headers.authorization = edit(req.headers.authorization as string);
    expect(await failure(verify(req))).toMatchObject({ code: 'IncompleteSignatureException', status: 403 });
  });

  it('IncompleteSignatureException for a missing or malformed X-Amz-Date', async () => {
    const req = await signRequest({ credentials: staticKey });
    req.headers['x-amz-date'] = '2026-11-23T12:00:00Z';
    expect(await failure(verify(req))).toMatchObject({ code: 'IncompleteSignatureException' });
    delete req.headers['x-amz-date'];
    expect(await failure(verify(req))).toMatchObject({ code: 'IncompleteSignatureException' });
  });

  it('UnrecognizedClientException for an unknown key or a wrong, missing or superfluous session token', async () => {
    const unknown = await signRequest({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } });
    expect(await failure(verify(unknown))).toMatchObject({ code: 'UnrecognizedClientException', status: 403 });
    const temp = store.issueTemporary('us-west-2:bbbbbbbb-2222-4333-8444-555555555555', 3_600_000);
    const other = store.issueTemporary('us-west-2:cccccccc-2222-4333-8444-555555555555', 3_600_000);
    const base = { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey };
    for (const sessionToken of [undefined, other.sessionToken]) {
      expect(await failure(verify(await signRequest({ credentials: { ...base, sessionToken } })))).toMatchObject({ code: 'UnrecognizedClientException' });
    }
    const staticWithToken = await signRequest({ credentials: { ...staticKey, sessionToken: temp.sessionToken } });
    expect(await failure(verify(staticWithToken))).toMatchObject({ code: 'UnrecognizedClientException' });
  });

  it('ExpiredTokenException once the semantic clock passes the expiry, not before', async () => {
    const temp = store.issueTemporary('us-west-2:dddddddd-2222-4333-8444-555555555555', 60_000);
    const req = await signRequest({ credentials: { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey, sessionToken: temp.sessionToken } });
    await expect(verify(req)).resolves.toBeTruthy();
    const saved = semanticNow;
    semanticNow = temp.expiration;
    expect(await failure(verify(req))).toMatchObject({ code: 'ExpiredTokenException', status: 403, message: 'The security token included in the request is expired' });
    semanticNow = saved;
  });

  it('InvalidSignatureException for a clock more than 5 minutes off, with the skew texts', async () => {
    const signedAt = Date.UTC(2026, 10, 23, 12, 0, 0);
    const req = await signRequest({ credentials: staticKey, date: new Date(signedAt) });
    await expect(verify(req, () => signedAt + 4 * 60_000)).resolves.toBeTruthy();
    expect((await failure(verify(req, () => signedAt + 6 * 60_000))).message).toBe(
      'Signature expired: 20261123T120000Z is now earlier than 20261123T120100Z (20261123T120600Z - 5 min.)',
    );
    const early = await failure(verify(req, () => signedAt - 6 * 60_000));
    expect(early).toMatchObject({ code: 'InvalidSignatureException', status: 403 });
    expect(early.message).toBe('Signature not yet current: 20261123T120000Z is still later than 20261123T115900Z (20261123T115400Z + 5 min.)');
  });

  it('InvalidSignatureException for a scope date other than the X-Amz-Date day', async () => {
    const req = await signRequest({ credentials: staticKey });
    req.headers.authorization = (req.headers.authorization as string).replace(/\/\d{8}\//, '/20200101/');
    expect(await failure(verify(req))).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringMatching(/^Date in Credential scope/) });
  });

  it('InvalidSignatureException for a body that does not match its hash, or a signature that does not match', async () => {
    const hashed = await signRequest({ credentials: staticKey, body: '{"arn":"a"}' });
    hashed.body = Buffer.from('{"arn":"b"}');
    expect(await failure(verify(hashed))).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringMatching(/x-amz-content-sha256/) });
    const unhashed = await signRequest({ credentials: staticKey, body: '{"arn":"a"}', applyChecksum: false });
    unhashed.body = Buffer.from('{"arn":"b"}');
    expect(await failure(verify(unhashed))).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringMatching(/^The request signature we calculated/) });
    const wrongSecret = await signRequest({ credentials: { ...staticKey, secretAccessKey: 'wrong' } });
    expect(await failure(verify(wrongSecret))).toMatchObject({ code: 'InvalidSignatureException' });
    const tampered = await signRequest({ credentials: staticKey });
    tampered.headers['x-amz-user-agent'] = 'changed after signing';
    expect(await failure(verify(tampered))).toMatchObject({ code: 'InvalidSignatureException' });
  });

  it('InvalidSignatureException for a scope naming another service or an unserved region', async () => {
    const other = await signRequest({ credentials: staticKey, service: 'ivsrealtime' });
    expect(await failure(verify(other))).toMatchObject({ code: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'ivs'." });
    const region = await signRequest({ credentials: staticKey, region: 'eu-west-1' });
    expect(await failure(verifySigV4(region, store, { service: 'ivs', regions: ['us-east-1', 'us-west-2'] }))).toMatchObject({ code: 'InvalidSignatureException' });
  });

  it('checks the key before the clock: an unknown key with a skewed clock is UnrecognizedClientException', async () => {
    const req = await signRequest({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }, date: new Date(Date.UTC(2020, 0, 1)) });
    expect(await failure(verify(req))).toMatchObject({ code: 'UnrecognizedClientException' });
  });
});

describe('the canonical request built by hand from the raw path', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const amzDate = '20261123T120000Z';
  const realNow = () => Date.UTC(2026, 10, 23, 12, 1, 0);

  function handSigned(canonicalPath: string) {
    const headers = { host: '127.0.0.1:4599', 'x-amz-content-sha256': sha(''), 'x-amz-date': amzDate };
    const signedHeaders = 'host;x-amz-content-sha256;x-amz-date';
    const canonical = ['DELETE', canonicalPath, 'tagKeys=a&tagKeys=b%20k', ...Object.entries(headers).map(([k, v]) => `${k}:${v}`), '', signedHeaders, sha('')].join('\n');
    const scope = '20261123/us-west-2/ivs/aws4_request';
    const key = ['20261123', 'us-west-2', 'ivs', 'aws4_request'].reduce<string | Buffer>((k, part) => hmac(k, part), `AWS4${STATIC_SECRET_ACCESS_KEY}`);
    const signature = hmac(key, ['AWS4-HMAC-SHA256', amzDate, scope, sha(canonical)].join('\n')).toString('hex');
    return {
      method: 'DELETE',
      rawPath: ENCODED_ARN_PATH,
      rawQuery: 'tagKeys=b%20k&tagKeys=a',
      headers: { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${STATIC_ACCESS_KEY_ID}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` },
      body: Buffer.alloc(0),
    };
  }

  it('matches only when the raw path is encoded once more (double encoding)', async () => {
    const doubled = ENCODED_ARN_PATH.replace(/%/g, '%25');
    expect(doubled).toBe('/tags/arn%253Aaws%253Aivs%253Aus-west-2%253A123456789012%253Astage%252FabcdABCDefgh');
    await expect(verify(handSigned(doubled), realNow)).resolves.toMatchObject({ region: 'us-west-2' });
    expect(await failure(verify(handSigned(ENCODED_ARN_PATH), realNow))).toMatchObject({ code: 'InvalidSignatureException' });
    expect(await failure(verify(handSigned(decodeURIComponent(ENCODED_ARN_PATH)), realNow))).toMatchObject({ code: 'InvalidSignatureException' });
  });
});
