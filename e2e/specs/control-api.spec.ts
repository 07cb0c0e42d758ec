// A web page the developer happens to visit must not reach the emulator's control API (it could mint ID tokens for
// any demo user and change faults), while the app's own origin and the test tools still can. The foreign page is a
// real page, served by this test on another loopback address, in the real browser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_KEY_HEADER } from '../../emulator/src/control/client.ts';
import { suiteControlKey } from '../fixtures/emulatorControl';
import { EMULATOR_URL } from '../fixtures/ivsAdmin';
import { expect, test } from '../fixtures/test';

const APP_URL = 'http://127.0.0.1:4173';

let foreign: Server;
let foreignUrl = '';
test.beforeAll(async () => {
  foreign = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Somebody else\'s page</title><p>Nothing to see here.</p>');
  });
  // 127.0.0.2 is loopback too, but another origin than the app's 127.0.0.1:4173.
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.2', resolve));
  foreignUrl = `http://127.0.0.2:${(foreign.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

type Attempt = { name: string; outcome: string };

test('a page from another origin cannot call /_greenroom/*, even knowing the key', async ({ browser, control }) => {
  const since = (await control.requestLog()).lastSeq;
  // A context of its own: the browser reports the blocked calls as console errors, which is the point here.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(foreignUrl);
  const attempts = await page.evaluate(
    async ({ emulator, header, key }) => {
      const tryFetch = async (name: string, url: string, init: RequestInit): Promise<Attempt> => {
        try {
          const res = await fetch(url, init);
          // An opaque (no-cors) answer is unreadable: nothing leaks, but record it.
          return { name, outcome: res.type === 'opaque' ? 'opaque' : `read ${res.status}: ${await res.text()}` };
        } catch (e) {
          return { name, outcome: `failed: ${(e as Error).name}` };
        }
      };
      const mint = JSON.stringify({ username: 'pat.producer' });
      return [
        // A "simple" cross-site POST (no preflight): the classic drive-by.
        await tryFetch('simple POST', `${emulator}/_greenroom/userpool/tokens`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: mint }),
        // The same without reading the answer (no-cors): it must not act either.
        await tryFetch('no-cors POST', `${emulator}/_greenroom/faults`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"rules":[{"operation":"*","errorRate":1}]}' }),
        // JSON with the real key: needs a preflight, which a foreign origin does not pass.
        await tryFetch('JSON POST with the key', `${emulator}/_greenroom/userpool/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', [header]: key }, body: mint }),
        await tryFetch('GET with the key', `${emulator}/_greenroom/userpool/users`, { headers: { [header]: key } }),
        await tryFetch('GET /health', `${emulator}/_greenroom/health`, {}),
      ];
    },
    { emulator: EMULATOR_URL, header: CONTROL_KEY_HEADER, key: suiteControlKey() },
  );
  await context.close();

  expect(attempts).toEqual([
    { name: 'simple POST', outcome: 'failed: TypeError' },
    { name: 'no-cors POST', outcome: 'opaque' },
    { name: 'JSON POST with the key', outcome: 'failed: TypeError' },
    { name: 'GET with the key', outcome: 'failed: TypeError' },
    { name: 'GET /health', outcome: 'failed: TypeError' },
  ]);
  // On the emulator's side nothing ran: every request that got through the browser was refused, the preflights too.
  const entries = (await control.requestLog(since)).entries.filter((e) => e.service === 'control' && e.operation !== 'control:/log');
  const byOperation = entries.map((e) => `${e.method} ${e.operation} ${e.status}`);
  expect(byOperation).toEqual(expect.arrayContaining([
    'POST control:/userpool/tokens 403',
    'POST control:/faults 403',
    'OPTIONS preflight 403',
  ]));
  expect(entries.filter((e) => e.operation !== 'control:/health' && e.status < 400), byOperation.join('\n')).toEqual([]);
  expect((await control.getFaults()).rules).toEqual([]);
});

test('the app\'s own origin and the test tools still reach the control API', async ({ browser, control }) => {
  // The tools: the fixture's typed client, with the run's key from the environment.
  expect((await control.users()).users.map((u) => u.username)).toContain('pat.producer');
  expect((await control.health()).accountId).toMatch(/^\d{12}$/);

  // The app's origin, in the browser, with the key: CORS lets it read the answer.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${APP_URL}/config.json`);
  const answer = await page.evaluate(
    async ({ emulator, header, key }) => {
      const res = await fetch(`${emulator}/_greenroom/userpool/users`, { headers: { [header]: key } });
      return { status: res.status, body: (await res.json()) as { users: { username: string }[] } };
    },
    { emulator: EMULATOR_URL, header: CONTROL_KEY_HEADER, key: suiteControlKey() },
  );
  await context.close();
  expect(answer.status).toBe(200);
  expect(answer.body.users.map((u) => u.username)).toContain('sam.support');
});
