// The stage-events forwarder (lambda/stage-events/index.mjs), run as Lambda would run it: its handler, with the
// environment Lambda gives it, against a local HTTP server standing in for AppSync Events' publish endpoint. The
// server checks the request the way AppSync does: SigV4 (re-computed with the AWS SDK's own signer, an independent
// implementation), the publish body (a channel and 1–5 events, each a string holding JSON), and answers as AppSync
// does. Nothing is mocked in the forwarder.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_EVENTS_PER_PUBLISH, channelOf, handler, publish } from '../lambda/stage-events/index.mjs';

const CREDS = { accessKeyId: 'AKIAFORWARDERTEST', secretAccessKey: 'forwarder/secret+key', sessionToken: 'session-token-of-the-lambda-role' };
const REGION = 'us-west-2';

type Received = { headers: IncomingMessage['headers']; body: string; signatureOk: boolean; problems: string[] };
const received: Received[] = [];
let answer: { status: number; body: string } | undefined;
let server: Server;
let endpoint = '';

/** Re-signs the received request with @smithy/signature-v4 over exactly the headers it claims to sign. */
async function verify(req: IncomingMessage, body: string): Promise<{ ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  const auth = String(req.headers.authorization ?? '');
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { ok: false, problems: [`malformed authorization: ${auth}`] };
  const [, keyId, , region, service, signedHeaders, signature] = m;
  if (keyId !== CREDS.accessKeyId) problems.push(`key ${keyId}`);
  if (region !== REGION) problems.push(`region ${region}`);
  if (service !== 'appsync') problems.push(`service ${service}`);
  const names = signedHeaders!.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-security-token']) if (!names.includes(required)) problems.push(`${required} not signed`);
  const amzDate = String(req.headers['x-amz-date']);
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const signer = new SignatureV4({ service: 'appsync', region: REGION, credentials: CREDS, sha256: Sha256, applyChecksum: false });
  const headers = Object.fromEntries(names.map((n) => [n, String(req.headers[n])]));
  const url = new URL(req.url!, `http://${req.headers.host}`);
  const signed = await signer.sign(
    { method: req.method!, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers, body },
    { signingDate },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1];
  if (expected !== signature) problems.push('signature does not verify');
  return { ok: problems.length === 0, problems };
}

/** The publish body as AppSync Events accepts it; a list of what is wrong otherwise. */
function publishProblems(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return ['body is not JSON'];
  }
  const p = parsed as { channel?: unknown; events?: unknown };
  const problems: string[] = [];
  if (typeof p.channel !== 'string' || !/^\/?[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?(?:\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?){0,4}\/?$/.test(p.channel)) problems.push(`channel ${String(p.channel)}`);
  if (!Array.isArray(p.events) || p.events.length < 1 || p.events.length > 5) problems.push('events must be 1 to 5');
  for (const e of Array.isArray(p.events) ? p.events : []) {
    if (typeof e !== 'string') problems.push('an event is not a string');
    else {
      try {
        JSON.parse(e);
      } catch {
        problems.push('an event is not a JSON string');
      }
    }
  }
  return problems;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      void verify(req, body).then(({ ok, problems }) => {
        const all = [...problems, ...(req.method === 'POST' && req.url === '/event' ? [] : [`${req.method} ${req.url}`]), ...publishProblems(body)];
        received.push({ headers: req.headers, body, signatureOk: ok, problems: all });
        if (answer) {
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
        } else if (!ok) {
          res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ errorType: 'UnauthorizedException', message: problems.join('; ') }] }));
        } else if (all.length) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ errorType: 'BadRequestException', message: all.join('; ') }] }));
        } else {
          const events = (JSON.parse(body) as { events: string[] }).events;
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ failed: [], successful: events.map((_, index) => ({ identifier: `id-${index}`, index })) }));
        }
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  received.length = 0;
  answer = undefined;
  vi.unstubAllEnvs();
});

const lambdaEnv = () => {
  vi.stubEnv('EVENTS_HTTP_ENDPOINT', endpoint);
  vi.stubEnv('AWS_REGION', REGION);
  vi.stubEnv('AWS_ACCESS_KEY_ID', CREDS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', CREDS.secretAccessKey);
  vi.stubEnv('AWS_SESSION_TOKEN', CREDS.sessionToken);
};

const stageUpdate = {
  version: '0',
  id: 'db65fc17-1612-ef68-3aad-c8a7bfd7b881',
  'detail-type': 'IVS Stage Update',
  source: 'aws.ivs',
  account: '123456789012',
  time: '2025-04-23T06:36:53Z',
  region: REGION,
  resources: [`arn:aws:ivs:${REGION}:123456789012:stage/oWXSOfbOLMte`],
  detail: { session_id: 'st-1CVugbu2cf2n8', event_name: 'Participant Published', event_time: '2025-04-23T06:36:53Z', user_id: 'host "quoted" \\ name', participant_id: '03JY4smU3eXc' },
};

describe('forwarder handler', () => {
  it('publishes the EventBridge event unchanged, as one JSON string, to /ivs/stage/<stageId>, SigV4-signed for appsync in its region', async () => {
    lambdaEnv();
    await handler(stageUpdate);
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.problems).toEqual([]);
    expect(r.signatureOk).toBe(true);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['x-amz-security-token']).toBe(CREDS.sessionToken);
    const body = JSON.parse(r.body) as { channel: string; events: string[] };
    expect(body.channel).toBe('/ivs/stage/oWXSOfbOLMte');
    expect(body.events).toHaveLength(1);
    expect(JSON.parse(body.events[0]!)).toEqual(stageUpdate);
  });

  it('sends a composition event to its stage (detail.stage_arn), not to the composition named in resources', async () => {
    lambdaEnv();
    const composition = {
      ...stageUpdate,
      id: '0f3c2a4e-6b1d-4c59-9d8e-7a6b5c4d3e2f',
      'detail-type': 'IVS Composition State Change',
      resources: [`arn:aws:ivs:${REGION}:123456789012:composition/abcdEFGH1234`],
      detail: { event_name: 'Session Start', stage_arn: `arn:aws:ivs:${REGION}:123456789012:stage/Stage2Id9876` },
    };
    await handler(composition);
    expect(received[0]!.problems).toEqual([]);
    expect((JSON.parse(received[0]!.body) as { channel: string }).channel).toBe('/ivs/stage/Stage2Id9876');
  });

  it('fails (so Lambda retries) when AppSync refuses the publish, quoting its answer', async () => {
    lambdaEnv();
    answer = { status: 403, body: JSON.stringify({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] }) };
    await expect(handler(stageUpdate)).rejects.toThrow(/publish to \/ivs\/stage\/oWXSOfbOLMte failed: HTTP 403 .*not authorized/);
    answer = { status: 200, body: JSON.stringify({ failed: [{ identifier: 'x', index: 0, code: 400, message: 'too big' }], successful: [] }) };
    await expect(handler(stageUpdate)).rejects.toThrow(/refused 1 of 1 events on \/ivs\/stage\/oWXSOfbOLMte/);
  });

  it('is refused by the server when its signature does not match (the check is real)', async () => {
    lambdaEnv();
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'not-the-secret');
    await expect(handler(stageUpdate)).rejects.toThrow(/HTTP 401 .*signature does not verify/);
  });

  it('names a missing setting and an event without a stage', async () => {
    await expect(handler(stageUpdate)).rejects.toThrow(/EVENTS_HTTP_ENDPOINT is not set/);
    lambdaEnv();
    await expect(handler({ ...stageUpdate, resources: [] })).rejects.toThrow(/names no stage ARN in detail\.stage_arn or resources \[\]/);
    expect(received).toEqual([]);
  });
});

describe('publish', () => {
  it('sends up to five events per request, each a JSON string, and refuses more', async () => {
    const events = Array.from({ length: MAX_EVENTS_PER_PUBLISH }, (_, i) => ({ ...stageUpdate, id: `id-${i}` }));
    const out = await publish({ endpoint, region: REGION, credentials: CREDS, channel: channelOf(stageUpdate), events });
    expect(received[0]!.problems).toEqual([]);
    expect((out.successful ?? []).length).toBe(5);
    await expect(publish({ endpoint, region: REGION, credentials: CREDS, channel: '/ivs/stage/x', events: [...events, stageUpdate] })).rejects.toThrow(/1 to 5 events, not 6/);
    await expect(publish({ endpoint, region: REGION, credentials: CREDS, channel: '/ivs/stage/x', events: [] })).rejects.toThrow(/not 0/);
    expect(received).toHaveLength(1);
  });
});
