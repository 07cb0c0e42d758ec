// Malformed requests over raw HTTP: each gets a clean 4xx with an error type and a request id, the server keeps
// answering, and the stages created first are unchanged.
import { CreateStageCommand, GetStageCommand, ListStagesCommand, TagResourceCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, sendRaw, signedHeaders } from './raw-http.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
let before: unknown;
const stageArns: string[] = [];

async function state(): Promise<unknown> {
  const ivs = t.ivs();
  const stages = (await ivs.send(new ListStagesCommand({}))).stages ?? [];
  const details = await Promise.all(stageArns.map(async (arn) => (await ivs.send(new GetStageCommand({ arn }))).stage));
  return { stages, details };
}

beforeAll(async () => {
  // Malformed requests are aimed at parsing and validation; with AWS's rate limits most would be answered 429
  // before validation reads them, so the limits are off here (quotas.test.ts covers them).
  t = await startEmulator({ quotas: false });
  const ivs = t.ivs();
  for (const name of ['robust-a', 'robust-b']) stageArns.push((await ivs.send(new CreateStageCommand({ name, tags: { keep: name } }))).stage?.arn ?? '');
  await ivs.send(new TagResourceCommand({ resourceArn: stageArns[0], tags: { extra: 'yes' } }));
  before = await state();
});
afterAll(() => t.stop());

/** A signed POST whose body is `body`, with the content-length of what is actually sent. */
async function signedPost(path: string, body: Buffer | string, signedBody = typeof body === 'string' ? body : body.toString('latin1')) {
  const headers = (await signedHeaders(t.url, { path, body: signedBody })).filter(([k]) => k !== 'content-length');
  return httpRequest('POST', path, [...headers, ['content-length', String(Buffer.byteLength(body))]], body);
}

const plain = (method: string, path: string, extra: [string, string][] = [], body = '') =>
  httpRequest(method, path, [['host', new URL(t.url).host], ['connection', 'close'], ['content-length', String(Buffer.byteLength(body))], ...extra], body);

const tagPath = (arn: string) => `/tags/${encodeURIComponent(arn)}`;

type Case = { name: string; request: () => Promise<Buffer> | Buffer };

const cases: Case[] = [
  { name: 'a body that is not JSON', request: () => signedPost('/ListStages', '{"maxResults": 5,') },
  { name: 'a JSON array as the body', request: () => signedPost('/ListStages', '[1,2,3]') },
  { name: 'a JSON string as the body', request: () => signedPost('/ListStages', '"stages"') },
  { name: 'a JSON number as the body', request: () => signedPost('/ListStages', '42') },
  { name: 'JSON null as the body', request: () => signedPost('/ListStages', 'null') },
  { name: 'a 200,000-character stage name', request: () => signedPost('/CreateStage', JSON.stringify({ name: 'n'.repeat(200_000) })) },
  { name: 'deeply nested JSON', request: () => signedPost('/CreateStage', `${'['.repeat(5_000)}${']'.repeat(5_000)}`) },
  { name: 'a number where a string belongs', request: () => signedPost('/GetStage', JSON.stringify({ arn: 42 })) },
  { name: 'a string where an integer belongs', request: () => signedPost('/ListStages', JSON.stringify({ maxResults: '10' })) },
  { name: 'a list where a map belongs', request: () => signedPost('/CreateStage', JSON.stringify({ name: 'x', tags: ['a'] })) },
  { name: 'an object where a list belongs', request: () => signedPost('/CreateStage', JSON.stringify({ participantTokenConfigurations: { a: 1 } })) },
  { name: 'a __proto__ member', request: () => signedPost('/CreateStage', '{"name":"p","tags":{"__proto__":{"polluted":"yes"}}}') },
  { name: 'a NUL byte inside a JSON string', request: () => signedPost('/CreateStage', Buffer.from('{"name":"a\u0000b"}', 'utf8')) },
  { name: 'bytes that are not UTF-8', request: () => signedPost('/CreateStage', Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d])) },
  { name: 'invalid percent-encoding in the tags path', request: () => plain('GET', '/tags/arn%3Aaws%ZZ%3') },
  { name: 'invalid percent-encoding in a signed tags path', request: async () => httpRequest('GET', '/tags/arn%E0%A4%A', await signedHeaders(t.url, { method: 'GET', path: '/tags/arn%E0%A4%A' })) },
  { name: 'a path with ..', request: () => plain('POST', '/tags/../ListStages', [], '{}') },
  { name: 'an encoded .. in the tags path', request: async () => httpRequest('GET', '/tags/..%2F..%2FListStages', await signedHeaders(t.url, { method: 'GET', path: '/tags/..%2F..%2FListStages' })) },
  { name: 'a path with //', request: () => plain('POST', '//ListStages', [], '{}') },
  { name: 'a 100,000-character path', request: () => plain('GET', `/tags/${'a'.repeat(100_000)}`) },
  { name: 'a 9,000-character signed tags path', request: async () => httpRequest('GET', tagPath(`arn:aws:ivs:us-east-1:123456789012:stage/${'a'.repeat(9_000)}`), await signedHeaders(t.url, { method: 'GET', path: tagPath(`arn:aws:ivs:us-east-1:123456789012:stage/${'a'.repeat(9_000)}`) })) },
  { name: 'a NUL byte in the path', request: () => plain('POST', '/List\u0000Stages', [], '{}') },
  { name: 'a NUL byte in a header', request: () => plain('POST', '/ListStages', [['x-amz-date', '2026\u000001']], '{}') },
  {
    name: 'two Authorization headers',
    request: async () => {
      const h = await signedHeaders(t.url, { path: '/ListStages', body: '{}' });
      const auth = h.find(([k]) => k === 'authorization') ?? ['authorization', ''];
      return httpRequest('POST', '/ListStages', [...h, ['authorization', auth[1].replace(/Signature=\w+/, 'Signature=00')]], '{}');
    },
  },
  { name: 'two different x-amz-date headers', request: async () => httpRequest('POST', '/ListStages', [...(await signedHeaders(t.url, { path: '/ListStages', body: '{}' })), ['x-amz-date', '20200101T000000Z']], '{}') },
  { name: 'two different Content-Length headers', request: () => plain('POST', '/ListStages', [['content-length', '7']], '{}') },
  { name: 'a 64 KiB header', request: () => plain('POST', '/ListStages', [['x-padding', 'p'.repeat(65_536)]], '{}') },
  { name: 'a Content-Length of 10^15 with a short body', request: () => httpRequest('POST', '/ListStages', [['host', 'h'], ['connection', 'close'], ['content-length', '1000000000000000']], '{}') },
  { name: 'a negative Content-Length', request: () => httpRequest('POST', '/ListStages', [['host', 'h'], ['connection', 'close'], ['content-length', '-5']], '{}') },
  { name: 'a Content-Length that is not a number', request: () => httpRequest('POST', '/ListStages', [['host', 'h'], ['connection', 'close'], ['content-length', 'lots']], '{}') },
  { name: 'a 2 MiB body', request: () => signedPost('/CreateStage', JSON.stringify({ name: 'x', pad: 'p'.repeat(2 * 1024 * 1024) })) },
  { name: 'a signed request whose body differs from the signed hash', request: () => signedPost('/CreateStage', '{"name":"forged"}', '{"name":"signed"}') },
  { name: 'an unknown HTTP method', request: () => plain('BREW', '/ListStages', [], '{}') },
  { name: 'a request line that is not HTTP', request: () => Buffer.from('hello there\r\n\r\n') },
];

describe('malformed requests never crash the server or change state', () => {
  for (const c of cases) {
    it(`${c.name} gets a clean 4xx with an error type and a request id`, async () => {
      const res = await sendRaw(t.url, await c.request());
      expect(res, 'a response').toBeDefined();
      if (!res) return;
      expect(res.status, res.body).toBeGreaterThanOrEqual(400);
      expect(res.status, res.body).toBeLessThan(500);
      expect(res.headers['x-amzn-errortype'], res.body).toMatch(/^\w+/);
      expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      const body = JSON.parse(res.body) as { message?: string; exceptionMessage?: string };
      expect(body.message ?? body.exceptionMessage).toMatch(/\S/);
    });
  }

  it('a request aborted halfway through its body leaves the server answering', async () => {
    const head = httpRequest('POST', '/CreateStage', (await signedHeaders(t.url, { path: '/CreateStage', body: '{"name":"half-written"}' })), '{"name":"ha');
    await sendRaw(t.url, head, { abortAfterWrite: true });
    const aborted = await sendRaw(t.url, httpRequest('POST', '/ListStages', [['host', 'h'], ['content-length', '100']], '{"max'), { abortAfterWrite: true });
    expect(aborted).toBeUndefined();
    expect((await t.ivs().send(new ListStagesCommand({}))).stages).toHaveLength(2);
  });

  it('after all of them the server answers ListStages and the stages are as they were', async () => {
    expect(await state()).toEqual(before);
    const { entries } = await t.control.requestLog();
    expect(entries.filter((e) => e.status >= 500).map((e) => `${e.operation} ${e.status} ${e.errorType ?? ""}`)).toEqual([]);
  });
});
