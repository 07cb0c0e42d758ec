// SigV4 failures as the real SDK meets them over HTTP.
import { IVSRealTimeClient, ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticCredentials, startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(() => t.stop());

type AwsError = Error & { $metadata: { httpStatusCode?: number } };
const errorOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected the call to fail'); }, (e: unknown) => e as AwsError);

describe('SigV4 through the server', () => {
  it('accepts the static key pair', async () => {
    const out = await t.ivs().send(new ListStagesCommand({}));
    expect(Array.isArray(out.stages)).toBe(true);
  });

  it('refuses a forged secret with InvalidSignatureException', async () => {
    const e = await errorOf(t.ivs('us-east-1', { ...staticCredentials, secretAccessKey: 'x'.repeat(40) }).send(new ListStagesCommand({})));
    expect(e.name).toBe('InvalidSignatureException');
    expect(e.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const e = await errorOf(t.ivs('us-east-1', { accessKeyId: 'AKIANOTKNOWN00000000', secretAccessKey: 'y'.repeat(40) }).send(new ListStagesCommand({})));
    expect(e.name).toBe('UnrecognizedClientException');
  });

  it('refuses a request signed more than five minutes off', async () => {
    const client = new IVSRealTimeClient({ region: 'us-east-1', endpoint: t.url, credentials: staticCredentials, maxAttempts: 1, systemClockOffset: -10 * 60_000 });
    const e = await errorOf(client.send(new ListStagesCommand({})));
    client.destroy();
    expect(e.name).toBe('InvalidSignatureException');
    expect(e.message).toMatch(/Signature expired/);
  });

  it('corrects a skewed clock from the Date header and succeeds on the retry', async () => {
    const client = new IVSRealTimeClient({ region: 'us-east-1', endpoint: t.url, credentials: staticCredentials, maxAttempts: 3, systemClockOffset: -10 * 60_000 });
    const out = await client.send(new ListStagesCommand({}));
    client.destroy();
    expect(out.$metadata.attempts).toBe(2);
  });

  it('refuses a request without a signature with MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${t.url}/ListStages`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('refuses Cognito credentials once they expire, with ExpiredTokenException', async () => {
    const client = t.ivs('us-east-1', t.cognitoCredentials('us-east-1'));
    await client.send(new ListStagesCommand({}));
    await t.control.advanceClock(61 * 60_000);
    const e = await errorOf(client.send(new ListStagesCommand({})));
    expect(e.name).toBe('ExpiredTokenException');
  });
});
