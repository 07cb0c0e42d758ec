// The control API answers only the local tools: this run's key on every route but /health, CORS for the app's own
// origins only, JSON for writes, and no listening on a network address unless asked for.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_KEY_HEADER } from '../src/control/client.ts';
import { createEmulator, isLoopbackHost } from '../src/server.ts';
import { startEmulator, type TestEmulator } from './support.ts';

const APP = 'http://127.0.0.1:4173';
const FOREIGN = 'http://127.0.0.2:8080';

let t: TestEmulator;
let key = '';
beforeAll(async () => {
  t = await startEmulator();
  key = t.emulator.controlKey;
});
afterAll(() => t.stop());

const control = (path: string, init: RequestInit = {}) => fetch(`${t.url}/_greenroom${path}`, init);
const withKey = (headers: Record<string, string> = {}) => ({ [CONTROL_KEY_HEADER]: key, ...headers });
const faultRules = async () => ((await (await control('/faults', { headers: withKey() })).json()) as { rules: unknown[] }).rules;

describe('the control key', () => {
  it('is required on every route but /health: missing is 401, wrong is 403, right is 200', async () => {
    for (const path of ['/faults', '/access', '/account', '/log', '/userpool/users']) {
      const missing = await control(path);
      expect(missing.status, path).toBe(401);
      expect(((await missing.json()) as { message: string }).message).toMatch(/x-greenroom-control-key/);
      const wrong = await control(path, { headers: { [CONTROL_KEY_HEADER]: `${key.slice(0, -1)}x` } });
      expect(wrong.status, path).toBe(403);
      expect(((await wrong.json()) as { message: string }).message).toMatch(/does not hold this run's control key/);
      expect((await control(path, { headers: withKey() })).status, path).toBe(200);
    }
  });

  it('guards writes too: no token for a demo user, no clock move, no fault rule without it', async () => {
    const json = { 'content-type': 'application/json' };
    const mint = await control('/userpool/tokens', { method: 'POST', headers: json, body: JSON.stringify({ username: 'pat.producer' }) });
    expect(mint.status).toBe(401);
    expect(await mint.text()).not.toMatch(/eyJ/);
    const before = t.emulator.clock.now();
    expect((await control('/clock/advance', { method: 'POST', headers: json, body: '{"ms":3600000}' })).status).toBe(401);
    expect(t.emulator.clock.now() - before).toBeLessThan(60_000);
    expect((await control('/faults', { method: 'POST', headers: { ...json, [CONTROL_KEY_HEADER]: 'not-the-key-at-all' }, body: '{"rules":[{"operation":"*","errorRate":1}]}' })).status).toBe(403);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(401);
    expect(await faultRules()).toEqual([]);
  });

  it('leaves /health open for start-up polling, telling only that the emulator is up', async () => {
    const open = await control('/health');
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ ok: true });
    expect(await (await control('/health', { headers: { [CONTROL_KEY_HEADER]: 'wrong-key-wrong-key' } })).json()).toEqual({ ok: true });
    expect(await t.control.health()).toMatchObject({ ok: true, accountId: '123456789012', regions: ['us-east-1', 'us-west-2'] });
  });

  it('is fresh and random per run unless given, and a weak given key is refused', async () => {
    const a = createEmulator();
    const b = createEmulator();
    expect(a.controlKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.controlKey).not.toBe(b.controlKey);
    expect(createEmulator({ controlKey: 'a-chosen-key-0123456789' }).controlKey).toBe('a-chosen-key-0123456789');
    expect(() => createEmulator({ controlKey: 'short' })).toThrow(/16 to 256 characters/);
    expect(() => createEmulator({ controlKey: 'has a space in it, sixteen+' })).toThrow(/16 to 256 characters/);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('writes must be JSON', () => {
  it.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('refuses a POST sent as %s with 415 and changes nothing', async (_label, type) => {
    const res = await control('/faults', { method: 'POST', headers: withKey({ 'content-type': type }), body: '{"rules":[{"operation":"*","errorRate":1}]}' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { message: string }).message).toMatch(/application\/json/);
    expect(await faultRules()).toEqual([]);
  });

  it('refuses a POST without a content type, and accepts application/json with a charset', async () => {
    expect((await control('/clock/advance', { method: 'POST', headers: withKey(), body: new Uint8Array(Buffer.from('{"ms":0}')) })).status).toBe(415);
    expect((await control('/clock/advance', { method: 'POST', headers: withKey({ 'content-type': 'application/json; charset=utf-8' }), body: '{"ms":0}' })).status).toBe(200);
  });
});

describe('CORS on /_greenroom', () => {
  it('answers the app\'s origin with that origin, never *', async () => {
    const res = await control('/faults', { headers: withKey({ origin: APP }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    const pre = await control('/faults', { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': `content-type,${CONTROL_KEY_HEADER}` } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(APP);
    expect(pre.headers.get('access-control-allow-headers')).toContain(CONTROL_KEY_HEADER);
  });

  it('gives a foreign origin no CORS headers, refuses its preflight, and refuses its request even with the key', async () => {
    const pre = await control('/userpool/tokens', { method: 'OPTIONS', headers: { origin: FOREIGN, 'access-control-request-method': 'POST', 'access-control-request-headers': `content-type,${CONTROL_KEY_HEADER}` } });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
    for (const res of [
      await control('/faults', { headers: { origin: FOREIGN } }),
      await control('/faults', { headers: withKey({ origin: FOREIGN }) }),
      await control('/userpool/tokens', { method: 'POST', headers: withKey({ origin: FOREIGN, 'content-type': 'application/json' }), body: '{"username":"pat.producer"}' }),
      await control('/health', { headers: { origin: FOREIGN } }),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(await res.text()).not.toMatch(/eyJ|accountId/);
    }
    expect((await control('/faults', { headers: withKey({ origin: FOREIGN }) })).status).toBe(403);
  });

  it('takes its origins from the option, and leaves the AWS APIs\' CORS as AWS\'s', async () => {
    const own = createEmulator({ controlOrigins: [FOREIGN] });
    const url = await own.listen(0);
    try {
      const ok = await fetch(`${url}/_greenroom/faults`, { headers: { [CONTROL_KEY_HEADER]: own.controlKey, origin: FOREIGN } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe(FOREIGN);
      const app = await fetch(`${url}/_greenroom/faults`, { headers: { [CONTROL_KEY_HEADER]: own.controlKey, origin: APP } });
      expect(app.status).toBe(403);
      expect(() => createEmulator({ controlOrigins: ['http://127.0.0.1:5173/path'] })).toThrow(/not an origin/);
    } finally {
      await own.close();
    }
    const ivsPreflight = await fetch(`${t.url}/ListStages`, { method: 'OPTIONS', headers: { origin: FOREIGN, 'access-control-request-method': 'POST' } });
    expect(ivsPreflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('listening address', () => {
  it('knows loopback from the rest', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('refuses a non-loopback host unless allowRemote is given', async () => {
    const em = createEmulator();
    await expect(em.listen(0, '0.0.0.0')).rejects.toThrow(/refusing to listen on 0\.0\.0\.0, which is not a loopback address.*--allow-remote/);
    expect(em.server.listening).toBe(false);
    await em.close();
    const remote = createEmulator({ allowRemote: true });
    const url = await remote.listen(0, '0.0.0.0');
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    await remote.close();
  });

  it('the CLI exits with a clear error for --host 0.0.0.0 without --allow-remote', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/cli.ts', '--host', '0.0.0.0', '--port', '0', '--scenario', 'quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GREENROOM_EMULATOR_CONTROL_KEY: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--host: refusing to listen on 0\.0\.0\.0, which is not a loopback address/);
    expect(stderr).toMatch(/--allow-remote/);
  });
});
