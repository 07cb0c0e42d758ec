// AWS's API rate limits, on by default: a token bucket per operation, account and region (5 TPS for most
// operations, 50 for CreateParticipantToken, 10 for tags), answering 429 ThrottlingException as AWS's front door does.
import { spawn } from 'node:child_process';
import { CreateParticipantTokenCommand, CreateStageCommand, GetStageCommand, ListTagsForResourceCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createControlClient } from '../src/control/client.ts';
import { RateLimiter } from '../src/http/quotas.ts';
import { httpRequest, sendRaw, signedHeaders, type RawResponse } from './raw-http.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.control.refillQuotas());

type Outcome = { ok: boolean; name?: string; status?: number };
const settle = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    () => ({ ok: true }),
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ ok: false, name: e.name, status: e.$metadata?.httpStatusCode }),
  );

async function stageIn(region: string): Promise<string> {
  return (await t.ivs(region).send(new CreateStageCommand({ name: `quota-${region}` }))).stage?.arn ?? '';
}

describe('the token bucket', () => {
  it('holds one second of calls per operation, account and region, and refills at the rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ now: () => now });
    const burst = (op: string, account = '111111111111', region = 'us-east-1') => {
      let n = 0;
      for (let i = 0; i < 100; i++) {
        try {
          limiter.take(op, account, region);
          n++;
        } catch (e) {
          expect(e).toMatchObject({ code: 'ThrottlingException', status: 429, style: 'gateway', message: 'Rate exceeded' });
        }
      }
      return n;
    };
    expect(burst('GetStage')).toBe(5);
    expect(burst('CreateParticipantToken')).toBe(50);
    expect(burst('TagResource')).toBe(10);
    expect(burst('ListTagsForResource')).toBe(10);
    expect(burst('ImportPublicKey')).toBe(3);
    expect(burst('StartParticipantReplication')).toBe(5);
    expect(burst('GetStage', '111111111111', 'us-west-2')).toBe(5);
    expect(burst('GetStage', '222222222222')).toBe(5);
    now += 400; // 2 tokens of GetStage
    expect(burst('GetStage')).toBe(2);
    now += 10_000; // never more than the burst
    expect(burst('GetStage')).toBe(5);
    const level = limiter.levels().find((b) => b.operation === 'GetStage' && b.region === 'us-east-1' && b.accountId === '111111111111');
    expect(level).toMatchObject({ rate: 5, burst: 5, tokens: 0, throttled: 95 + 95 + 98 });
    limiter.enabled = false;
    expect(burst('GetStage')).toBe(100);
  });
});

describe('rate limits over HTTP', () => {
  it('20 GetStage calls within a second: 5 answered, the rest ThrottlingException 429', async () => {
    const arn = await stageIn('us-east-1');
    await t.control.refillQuotas();
    const ivs = t.ivs('us-east-1', undefined, { unpaced: true });
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => settle(ivs.send(new GetStageCommand({ arn })))));
    const elapsed = (performance.now() - started) / 1000;
    const ok = outcomes.filter((o) => o.ok).length;
    // The bucket refills 5 tokens a second, so a call may land on a token that refilled while the burst arrived.
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(5 + Math.ceil(elapsed * 5));
    expect(ok).toBeLessThan(20);
    for (const o of outcomes.filter((x) => !x.ok)) expect(o).toEqual({ ok: false, name: 'ThrottlingException', status: 429 });
  });

  it('CreateParticipantToken allows 50 a second, ListTagsForResource 10', async () => {
    const arn = await stageIn('us-east-1');
    await t.control.refillQuotas();
    const ivs = t.ivs('us-east-1', undefined, { unpaced: true });
    // Minting takes a little time per token, so the bucket refills while the calls arrive: allow for what a
    // 50-per-second refill adds over the time the burst took.
    const started = performance.now();
    const tokens = await Promise.all(Array.from({ length: 80 }, () => settle(ivs.send(new CreateParticipantTokenCommand({ stageArn: arn })))));
    const refilled = Math.ceil(((performance.now() - started) / 1000) * 50);
    const okTokens = tokens.filter((o) => o.ok).length;
    expect(okTokens).toBeGreaterThanOrEqual(50);
    expect(okTokens).toBeLessThanOrEqual(50 + refilled);
    expect(tokens.filter((o) => !o.ok).every((o) => o.name === 'ThrottlingException')).toBe(true);
    const tags = await Promise.all(Array.from({ length: 14 }, () => settle(ivs.send(new ListTagsForResourceCommand({ resourceArn: arn })))));
    expect(tags.filter((o) => o.ok).length).toBeGreaterThanOrEqual(10);
    expect(tags.filter((o) => o.ok).length).toBeLessThanOrEqual(11);
  });

  it('buckets are per region: emptying us-east-1 leaves us-west-2 untouched', async () => {
    const east = await stageIn('us-east-1');
    const west = await stageIn('us-west-2');
    await t.control.refillQuotas();
    const eastIvs = t.ivs('us-east-1', undefined, { unpaced: true });
    const westIvs = t.ivs('us-west-2', undefined, { unpaced: true });
    await Promise.all(Array.from({ length: 10 }, () => settle(eastIvs.send(new GetStageCommand({ arn: east })))));
    const westOutcomes = await Promise.all(Array.from({ length: 5 }, () => settle(westIvs.send(new GetStageCommand({ arn: west })))));
    expect(westOutcomes.every((o) => o.ok)).toBe(true);
    const levels = await t.control.quotas();
    const bucket = (region: string) => levels.buckets.find((b) => b.region === region && b.operation === 'GetStage');
    expect(bucket('us-east-1')).toMatchObject({ accountId: '123456789012', rate: 5, burst: 5 });
    expect(bucket('us-east-1')?.throttled).toBeGreaterThanOrEqual(4);
    expect(bucket('us-west-2')?.throttled).toBe(0);
    expect(bucket('us-west-2')?.tokens).toBeLessThan(1.5);
    expect(levels.enabled).toBe(true);
  });

  it('answers on the wire as AWS does, and the request log marks the throttle', async () => {
    const arn = await stageIn('us-east-1');
    await t.control.refillQuotas();
    const since = (await t.control.requestLog()).lastSeq;
    const body = JSON.stringify({ arn });
    let res: RawResponse | undefined;
    for (let i = 0; i < 12; i++) {
      const headers = await signedHeaders(t.url, { path: '/GetStage', body });
      res = await sendRaw(t.url, httpRequest('POST', '/GetStage', [...headers.filter(([k]) => k !== 'content-length'), ['content-length', String(Buffer.byteLength(body))]], body));
      if (res?.status === 429) break;
    }
    expect(res?.status).toBe(429);
    expect(res?.headers['x-amzn-errortype']).toBe('ThrottlingException');
    expect(res?.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res?.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(res?.body ?? '')).toEqual({ message: 'Rate exceeded' });
    const entries = (await t.control.requestLog(since)).entries.filter((e) => e.operation === 'GetStage');
    const throttled = entries.filter((e) => e.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]).toMatchObject({ errorType: 'ThrottlingException', rateLimited: true, region: 'us-east-1' });
    expect(entries.filter((e) => e.status === 200).every((e) => e.rateLimited === undefined)).toBe(true);
  });

  it('off when the emulator is started without them', async () => {
    const off = await startEmulator({ quotas: false });
    try {
      const ivs = off.ivs('us-east-1', undefined, { unpaced: true });
      const arn = (await ivs.send(new CreateStageCommand({ name: 'no-limits' }))).stage?.arn ?? '';
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => settle(ivs.send(new GetStageCommand({ arn })))));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect((await off.control.quotas()).enabled).toBe(false);
    } finally {
      await off.stop();
    }
  });
});

describe('the command line', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/cli.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    return { child, output: () => out, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
  };

  it('--help shows --quotas and its variable; a bad value is refused', async () => {
    const help = cli(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toMatch(/--quotas <on\|off>[\s\S]*GREENROOM_EMULATOR_QUOTAS\s+default on/);
    const bad = cli(['--quotas', 'maybe', '--port', '0']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--quotas must be on or off');
  });

  it('GREENROOM_EMULATOR_QUOTAS=off starts without limits; the default has them on', async () => {
    for (const [env, enabled] of [[{ GREENROOM_EMULATOR_QUOTAS: 'off' }, false], [{}, true]] as const) {
      const key = 'quotas-test-control-key';
      const run = cli(['--port', '0', '--scenario', 'quiet', '--control-key', key], env);
      try {
        const deadline = Date.now() + 15_000;
        let url: string | undefined;
        while (!url && Date.now() < deadline) {
          url = /listening on (http:\/\/\S+)/.exec(run.output())?.[1];
          if (!url) await new Promise((r) => setTimeout(r, 100));
        }
        expect(url, run.output()).toBeDefined();
        expect(run.output()).toContain(`rate limits ${enabled ? 'on' : 'off'}`);
        expect((await createControlClient(url ?? '', key).quotas()).enabled).toBe(enabled);
      } finally {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    }
  });
});
