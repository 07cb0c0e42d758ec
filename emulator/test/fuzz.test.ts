// 1,000+ seeded malformed requests: mutated bodies, paths, methods and headers, signed and unsigned.
// None may crash the server or answer 5xx; afterwards a valid request works and the state is unchanged.
import { CreateStageCommand, GetStageCommand, ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng, type Rng } from '../src/scenarios/rng.ts';
import { httpRequest, sendRaw, signedHeaders } from './raw-http.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  // Malformed requests are aimed at parsing and validation; with AWS's rate limits most would be answered 429
  // before validation reads them, so the limits are off here (quotas.test.ts covers them).
  t = await startEmulator({ quotas: false });
});
afterAll(() => t.stop());

const OPERATIONS = ['CreateStage', 'GetStage', 'UpdateStage', 'DeleteStage', 'ListStages', 'GetParticipant', 'ListParticipants',
  'StartParticipantReplication', 'CreateParticipantToken', 'DisconnectParticipant', 'ListParticipantEvents'];
const VALUES: unknown[] = [null, true, -1, 1e308, 0.5, '', 'x'.repeat(5000), '\u0000\u202e\u200b', [], [1, 'a'], {}, { a: { b: { c: [] } } }, 'arn:aws:ivs:us-east-1:123456789012:stage/AAAAAAAAAAAA', 'st-AAAAAAAAAAAAA'];
const MEMBERS = ['arn', 'name', 'stageArn', 'sessionId', 'participantId', 'maxResults', 'nextToken', 'tags', 'attributes', 'reconnectWindowSeconds', 'capabilities', 'duration', 'filterByState'];

function randomBody(rng: Rng): Buffer {
  const kind = rng.int(0, 5);
  if (kind === 0) return Buffer.from(Array.from({ length: rng.int(0, 300) }, () => rng.int(0, 255)));
  if (kind === 1) return Buffer.from('{"name": "unterminated'.slice(0, rng.int(1, 22)));
  if (kind === 2) return Buffer.from(JSON.stringify(rng.pick(VALUES)));
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < rng.int(1, 5); i++) obj[rng.pick(MEMBERS)] = rng.pick(VALUES);
  const text = JSON.stringify(obj);
  return kind === 3 ? Buffer.from(text.replace(/"/g, rng.chance(0.5) ? "'" : '"')) : Buffer.from(text);
}

function randomPath(rng: Rng): string {
  const op = rng.pick(OPERATIONS);
  switch (rng.int(0, 5)) {
    case 0: return `/${op}`;
    case 1: return `/tags/${encodeURIComponent(String(rng.pick(VALUES)))}`;
    case 2: return `/tags/%E0%A4%A${rng.int(0, 9)}`;
    case 3: return `/${op}/../${rng.pick(OPERATIONS)}?x=${'%'.repeat(rng.int(1, 3))}`;
    case 4: return `//${op}//`;
    default: return `/${'a'.repeat(rng.int(1, 2000))}`;
  }
}

async function stateOf(): Promise<string> {
  const east = await t.ivs('us-east-1').send(new ListStagesCommand({}));
  const west = await t.ivs('us-west-2').send(new ListStagesCommand({}));
  return JSON.stringify([east.stages, west.stages]);
}

describe('fuzzing the emulator with malformed requests', () => {
  it('answers 1,200 malformed requests without a crash or a 5xx, then serves a valid request with state unchanged', async () => {
    const { stage } = await t.ivs().send(new CreateStageCommand({ name: 'fuzz-survivor', tags: { keep: 'me' } }));
    const before = await stateOf();
    const rng = seededRng(20261123);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1200; i++) {
      // Six in ten go deep: a real operation path, POST, a valid signature over a malformed body, so they
      // reach parsing and validation; the rest mutate the path, method or signature as well.
      const deep = rng.chance(0.6);
      const path = deep ? `/${rng.pick(OPERATIONS)}` : randomPath(rng);
      const body = randomBody(rng);
      const method = deep ? 'POST' : rng.pick(['POST', 'GET', 'DELETE', 'PUT', 'PATCH']);
      let headers: [string, string][];
      if (deep || (rng.chance(0.5) && !path.includes('%E0') && path.length < 500)) {
        headers = await signedHeaders(t.url, { method: 'POST', path, body: body.toString('latin1') });
        if (!deep && rng.chance(0.5)) {
          const victim = rng.pick(['x-amz-date', 'authorization', 'x-amz-content-sha256']);
          headers = headers.map(([k, v]) => (k.toLowerCase() === victim ? [k, v.slice(0, rng.int(0, v.length))] : [k, v]));
        }
      } else {
        headers = [['Host', new URL(t.url).host], ['Content-Type', rng.pick(['application/json', 'text/plain', 'application/x-amz-json-1.1', ''])]];
      }
      const withLength = headers.filter(([k]) => k.toLowerCase() !== 'content-length');
      withLength.push(['Content-Length', String(body.length)], ['Connection', 'close']);
      const res = await sendRaw(t.url, httpRequest(method, path, withLength, body));
      expect(res, `request ${i} (${method} ${path.slice(0, 60)}) got no answer`).toBeDefined();
      const status = res?.status ?? 0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, `request ${i} (${method} ${path.slice(0, 60)}): ${res?.body.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(500);
      if (status >= 400) {
        expect(res?.headers['x-amzn-errortype']).toBeTruthy();
        expect(res?.headers['x-amzn-requestid']).toBeTruthy();
      }
    }
    // The fuzzer itself must reach past routing and signing: most deep requests end in validation.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(300);
    const got = await t.ivs().send(new GetStageCommand({ arn: stage?.arn }));
    expect(got.stage?.tags).toEqual({ keep: 'me' });
    // Mutations that happened to be valid and signed could have created stages; only a few shapes can, so
    // compare the stages this test made before with what is there now.
    const after = JSON.parse(await stateOf()) as [{ arn: string }[], { arn: string }[]];
    const beforeArns = (JSON.parse(before) as [{ arn: string }[], { arn: string }[]]).flat().map((s) => s.arn);
    const afterArns = after.flat().map((s) => s.arn);
    expect(afterArns).toEqual(expect.arrayContaining(beforeArns));
  }, 120_000);
});
