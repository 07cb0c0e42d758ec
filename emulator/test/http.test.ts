// The HTTP surface through real clients: CORS, routing, unsupported operations, malformed requests,
// Cognito credentials end to end, the request log, and a restart with a data file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStageCommand,
  GetStageCommand,
  ListCompositionsCommand,
  ListStagesCommand,
  ValidationException,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(() => t.stop());

describe('CORS for browser callers', () => {
  it('answers a preflight from another origin without a signature, echoing the requested headers', async () => {
    const requested = 'amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-content-sha256,x-amz-date,x-amz-security-token,x-amz-user-agent';
    const res = await fetch(`${t.url}/GetParticipant`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': requested },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of requested.split(',')) expect(allowed).toContain(h);
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('exposes the request id, error type and date on an error response', async () => {
    const res = await fetch(`${t.url}/ListStages`, { method: 'POST', headers: { Origin: 'http://x.test' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const h of ['x-amzn-requestid', 'x-amzn-errortype', 'date']) expect(exposed).toContain(h);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('routing and malformed requests', () => {
  it('names an operation this emulator does not serve instead of faking success', async () => {
    const err = await t.ivs().send(new ListCompositionsCommand({})).catch((e: unknown) => e as Error & { $metadata: { httpStatusCode: number } });
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('NotImplementedException');
    expect(err.$metadata.httpStatusCode).toBe(501);
  });

  it('rejects a path no operation is bound to', async () => {
    const res = await fetch(`${t.url}/NoSuchThing`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('refuses a body over 1 MiB and keeps serving', async () => {
    const res = await fetch(`${t.url}/ListStages`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 10) }).catch(() => undefined);
    if (res) expect(res.status).toBe(413);
    const ok = await t.ivs().send(new ListStagesCommand({}));
    expect(Array.isArray(ok.stages)).toBe(true);
  });

  it('turns a model violation into a ValidationException that names the member', async () => {
    const err = await t.ivs().send(new CreateStageCommand({ name: 'has spaces' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationException);
    const v = err as ValidationException;
    expect(v.exceptionMessage).toMatch(/name/);
    expect(v.message).toBe('UnknownError'); // the body carries only exceptionMessage, as the model says
    expect(v.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Cognito credentials end to end', () => {
  it('signs IVS calls with temporary credentials from fromCognitoIdentityPool', async () => {
    const client = t.ivs('us-west-2', t.cognitoCredentials('us-west-2'));
    const { stage } = await client.send(new CreateStageCommand({ name: 'cognito-made' }));
    expect(stage?.arn).toMatch(/^arn:aws:ivs:us-west-2:123456789012:stage\/[a-zA-Z0-9]{12}$/);
    const got = await client.send(new GetStageCommand({ arn: stage?.arn }));
    expect(got.stage?.name).toBe('cognito-made');
  });

  it('keeps state per region', async () => {
    const { stage } = await t.ivs('us-east-1').send(new CreateStageCommand({ name: 'east-only' }));
    const west = await t.ivs('us-west-2').send(new GetStageCommand({ arn: stage?.arn })).catch((e: Error) => e);
    expect((west as Error).name).toMatch(/ResourceNotFoundException|ValidationException/);
  });
});

describe('the request log', () => {
  it('records method, operation, status, error type and latency of each request', async () => {
    const before = (await t.control.requestLog()).lastSeq;
    await t.ivs().send(new GetStageCommand({ arn: 'arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh' })).catch(() => undefined);
    const { entries } = await t.control.requestLog(before);
    const e = entries.find((x) => x.operation === 'GetStage');
    expect(e).toMatchObject({ method: 'POST', status: 404, errorType: 'ResourceNotFoundException', region: 'us-east-1' });
    expect(typeof e?.latencyMs).toBe('number');
  });
});

describe('restart with a data file', () => {
  it('keeps stages, and page tokens handed out before the restart', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'greenroom-')), 'state.json');
    const a = await startEmulator({ dataFile });
    for (const n of ['keep-1', 'keep-2', 'keep-3']) await a.ivs().send(new CreateStageCommand({ name: n }));
    const first = await a.ivs().send(new ListStagesCommand({ maxResults: 2 }));
    await a.stop();
    const b = await startEmulator({ dataFile });
    try {
      const rest = await b.ivs().send(new ListStagesCommand({ maxResults: 2, nextToken: first.nextToken }));
      const names = [...(first.stages ?? []), ...(rest.stages ?? [])].map((s) => s.name);
      expect(names).toEqual(['keep-1', 'keep-2', 'keep-3']);
    } finally {
      await b.stop();
    }
  });
});
