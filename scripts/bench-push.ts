// `npm run bench:push`: what pushed IVS stage events buy, measured by Playwright driving Chromium against in-process
// emulators (which serve the AppSync Events endpoint on their own port) and `vite preview`, all on free loopback
// ports. Prints, from one run, each figure with PASS/FAIL against its bar, and exits non-zero on a missed bar:
//   1. change → screen: an emulator publish or unpublish (control API) until the participant page's on-air badge
//      shows it, over N changes (default 100) with push and with polling only; p50/p95 of both and their ratio;
//      bar: push p95 ≤ 1 s;
//   2. IVS API calls per minute with the live board open at 1,000 stages (both regions, the large scenario's churn
//      running, and 30 publish/unpublish changes a minute on 20 live stages so that pushed events cost what they
//      cost), push on vs off, counted from the emulator's request log over one minute each; bar: with push on,
//      every operation in every region ≤ 10 % of its quota (the emulator's rate limits, which are AWS's).
// `npm run bench:push -- latency` or `-- board` runs one part; `--changes=20` shortens part 1.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CreateParticipantTokenCommand, CreateStageCommand, IVSRealTimeClient } from '@aws-sdk/client-ivs-realtime';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../emulator/src/auth/credentials.ts';
import { createControlClient } from '../emulator/src/control/client.ts';
import { paceClient, Pacer } from '../emulator/src/control/pacer.ts';
import { operationRate } from '../emulator/src/http/quotas.ts';
import type { RequestLogEntry } from '../emulator/src/http/log.ts';
import { startLarge } from '../emulator/src/scenarios/large.ts';
import { createEmulator, type Emulator } from '../emulator/src/server.ts';
import { defaultUserPoolConfig } from '../emulator/src/userpool/config.ts';
import { securityHeaders } from '../src/config/csp.ts';

// In-page code runs in the browser; this project is type-checked without the DOM library, so declare the little it uses.
declare const document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = process.cwd();
const PARTS = ['latency', 'board'];
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('-'));
const unknownPart = only.find((p) => !PARTS.includes(p));
if (unknownPart) {
  console.error(`Unknown part "${unknownPart}". Parts: ${PARTS.join(', ')}.`);
  process.exit(2);
}
const changesArg = args.find((a) => a.startsWith('--changes='));
const CHANGES = changesArg ? Number(changesArg.slice('--changes='.length)) : 100;
if (!Number.isInteger(CHANGES) || CHANGES < 2 || CHANGES > 1000) {
  console.error(`--changes must be a whole number from 2 to 1000, not "${changesArg}"`);
  process.exit(2);
}
const want = (part: string): boolean => only.length === 0 || only.includes(part);

const results: { name: string; figure: string; pass: boolean }[] = [];
const bar = (name: string, figure: string, pass: boolean): void => {
  results.push({ name, figure, pass });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${figure}`);
};
const info = (name: string, figure: string): void => console.log(`      ${name}: ${figure}`);
/** The p-th percentile (nearest rank) of xs. */
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The app, built into a folder of its own (a Playwright run serving dist/ at the same time is not disturbed).
console.log('building the app…');
const outDir = join(root, 'node_modules/.tmp/bench-push-dist');
mkdirSync(outDir, { recursive: true });
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });

const previewPort = await freePort();
const appUrl = `http://127.0.0.1:${previewPort}`;
const userPool = defaultUserPoolConfig('us-east-1');
userPool.clients[0] = { ...(userPool.clients[0] as (typeof userPool.clients)[number]), callbackUrls: [`${appUrl}/auth/callback`], signOutUrls: [`${appUrl}/`] };

async function startEmulator(): Promise<{ em: Emulator; url: string }> {
  const em = createEmulator({ sessionIdleMs: 3_600_000, userPool });
  return { em, url: await em.listen(0) };
}
// The bench's own set-up calls keep under the rate limits, so every call counted below is the console's.
const pacers = new Map<string, Pacer>();
const sdk = (url: string, region = 'us-east-1') => {
  const pacer = pacers.get(url) ?? new Pacer();
  pacers.set(url, pacer);
  return paceClient(new IVSRealTimeClient({ region, endpoint: url, credentials: { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY }, maxAttempts: 1 }), pacer);
};

const REGIONS = ['us-east-1', 'us-west-2'];
/** config.json for one emulator; with push, each region names the emulator's events endpoints (its own port). */
const config = (url: string, push: boolean) => ({
  regions: REGIONS.map((id, i) => ({
    id,
    identityPoolId: `${id}:00000000-0000-4000-8000-00000000000${i + 1}`,
    ivsEndpoint: url,
    cognitoEndpoint: url,
    cloudwatchEndpoint: url,
    ...(push ? { eventsHttpEndpoint: url, eventsRealtimeEndpoint: url.replace(/^http/, 'ws') } : {}),
  })),
  pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
  auth: { region: 'us-east-1', userPoolId: 'us-east-1_Greenroom1', clientId: 'greenroomlocalappclient001', authority: `${url}/us-east-1_Greenroom1` },
});

const small = await startEmulator();
const large = await startEmulator();
let scenario: { stop(): void } | undefined;
if (want('board')) {
  console.log('seeding 1,000 stages…');
  scenario = await startLarge({ url: large.url, emulator: large.em, seed: 7 });
}

const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: {
    port: previewPort,
    host: '127.0.0.1',
    strictPort: true,
    // The CSP must name the bench emulators (and their events endpoints) instead of the configured one.
    headers: securityHeaders({ ...config(small.url, true), regions: [...config(small.url, true).regions, ...config(large.url, true).regions] } as never),
  },
});
const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });

async function signedIn(emulatorUrl: string, push: boolean): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await ctx.newPage();
  await page.route('**/config.json', (r) => r.fulfill({ json: config(emulatorUrl, push) }));
  await page.goto(`${appUrl}/signed-in`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Password').fill('Producer-demo-1');
  await page.getByLabel('Username').fill('pat.producer');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('group', { name: 'Signed-in user' }).waitFor();
  return page;
}

/** Waits until the header's indicator says what it should for the mode: "Live (push)" or "Polling only — not configured". */
async function indicatorSays(page: Page, push: boolean): Promise<void> {
  await page.locator(`[data-push=${push ? 'live' : 'not-configured'}]`).waitFor({ timeout: 30_000 });
}

// ---------------------------------------------------------------------------------------------------------
// 1. Change → screen, push vs polling only.
if (want('latency')) {
  const control = createControlClient(small.url, small.em.controlKey);
  const ivs = sdk(small.url);
  const stageArn = (await ivs.send(new CreateStageCommand({ name: 'bench-push' }))).stage!.arn!;
  const token = (await ivs.send(new CreateParticipantTokenCommand({ stageArn, userId: 'bench-host', capabilities: ['PUBLISH', 'SUBSCRIBE'] }))).participantToken!.token!;
  const joined = await control.join({ token });
  const ref = { stageArn, participantId: joined.participantId };
  // Published once, so the page's badge is "On air" or "off air", never "Never published".
  await control.publish(ref);
  let onAir = true;
  const path = `/regions/us-east-1/stages/${encodeURIComponent(stageArn)}/sessions/${encodeURIComponent(joined.sessionId)}/participants/${encodeURIComponent(joined.participantId)}`;
  const badge = '[data-on-air]';

  const measure = async (push: boolean): Promise<number[]> => {
    const page = await signedIn(small.url, push);
    await page.goto(appUrl + path);
    await indicatorSays(page, push);
    await page.locator(`${badge}[data-on-air=${onAir ? 'on-air' : 'off-air'}]`).waitFor({ timeout: 20_000 });
    const out: number[] = [];
    let lastChange = Date.now();
    for (let i = 0; i < CHANGES; i++) {
      // A random phase against the poll timer, and never two changes in the same second: IVS's event times are
      // whole seconds, so two in one second cannot be ordered and the console (rightly) refetches instead.
      await sleep(Math.random() * 1000);
      while (Math.floor(Date.now() / 1000) === Math.floor(lastChange / 1000)) await sleep(20);
      onAir = !onAir;
      const expected = onAir ? 'on-air' : 'off-air';
      const t0 = Date.now();
      lastChange = t0;
      await (onAir ? control.publish(ref) : control.unpublish(ref));
      const shown = await page.waitForFunction(
        ([sel, want]) => (document.querySelector(sel)?.getAttribute('data-on-air') === want ? Date.now() : 0),
        [badge, expected] as const,
        { polling: 'raf', timeout: 20_000 },
      );
      out.push((await shown.jsonValue()) - t0);
    }
    await page.context().close();
    return out;
  };

  console.log(`change → screen: ${CHANGES} publish/unpublish changes with push…`);
  const push = await measure(true);
  console.log(`change → screen: ${CHANGES} changes with polling only…`);
  const poll = await measure(false);
  const [p50push, p95push, p50poll, p95poll] = [percentile(push, 50), percentile(push, 95), percentile(poll, 50), percentile(poll, 95)];
  info('change → screen, polling only', `p50 ${p50poll} ms, p95 ${p95poll} ms, max ${Math.max(...poll)} ms over ${poll.length} changes (participant poll every 3,000 ms)`);
  bar(
    `change → screen with push (${push.length} changes)`,
    `p50 ${p50push} ms, p95 ${p95push} ms, max ${Math.max(...push)} ms; polling only p50 ${p50poll} ms, p95 ${p95poll} ms; ratio polling/push p50 ${(p50poll / p50push).toFixed(1)}×, p95 ${(p95poll / p95push).toFixed(1)}× (bar: push p95 ≤ 1000 ms)`,
    p95push <= 1000,
  );
}

// ---------------------------------------------------------------------------------------------------------
// 2. IVS API calls per minute with the board open at 1,000 stages, push on vs off.
const BOARD_PATH = '/board';
const BOARD_READY = '.board-grid .board-card';
const MEASURE_MS = 60_000;
if (want('board')) {
  const control = createControlClient(large.url, large.em.controlKey);
  // Twenty live stages with one publisher each, whose publishing the bench toggles while it counts.
  const publishers: { stageArn: string; participantId: string; on: boolean }[] = [];
  for (let i = 0; i < 20; i++) {
    const region = REGIONS[i % 2] as string;
    const ivs = sdk(large.url, region);
    const stageArn = (await ivs.send(new CreateStageCommand({ name: `bench-push-live-${i}` }))).stage!.arn!;
    const token = (await ivs.send(new CreateParticipantTokenCommand({ stageArn, userId: `host-${i}`, capabilities: ['PUBLISH', 'SUBSCRIBE'] }))).participantToken!.token!;
    const joined = await control.join({ token });
    await control.publish({ stageArn, participantId: joined.participantId });
    publishers.push({ stageArn, participantId: joined.participantId, on: true });
  }
  let changes = 0;
  const CHANGE_EVERY_MS = 2_000;
  const toggle = async (): Promise<void> => {
    const p = publishers[Math.floor(Math.random() * publishers.length)]!;
    p.on = !p.on;
    await (p.on ? control.publish(p) : control.unpublish(p));
    changes += 1;
  };
  const perMinute = async (push: boolean): Promise<{ ivs: Map<string, number>; throttled: number; changes: number; delivered: number }> => {
    const page = await signedIn(large.url, push);
    await page.goto(appUrl + BOARD_PATH);
    await page.locator(BOARD_READY).first().waitFor({ timeout: 60_000 });
    await indicatorSays(page, push);
    // The first full load (every stage page, the first on-air lookups) is not the steady rate.
    await sleep(10_000);
    let since = (await control.requestLog(Number.MAX_SAFE_INTEGER)).lastSeq;
    const deliveredBefore = (await control.pushStatus()).delivered;
    const changesBefore = changes;
    const started = Date.now();
    const entries: RequestLogEntry[] = [];
    const driver = setInterval(() => void toggle(), CHANGE_EVERY_MS);
    while (Date.now() - started < MEASURE_MS) {
      await sleep(Math.min(5_000, MEASURE_MS - (Date.now() - started)));
      const got = await control.requestLog(since);
      entries.push(...got.entries);
      since = got.lastSeq;
    }
    clearInterval(driver);
    const minutes = (Date.now() - started) / 60_000;
    const delivered = (await control.pushStatus()).delivered - deliveredBefore;
    await page.context().close();
    const ivs = new Map<string, number>();
    for (const e of entries.filter((x) => x.service === 'ivs')) ivs.set(`${e.region} ${e.operation}`, (ivs.get(`${e.region} ${e.operation}`) ?? 0) + 1 / minutes);
    return {
      ivs,
      throttled: entries.filter((x) => x.rateLimited).length / minutes,
      changes: changes - changesBefore,
      delivered,
    };
  };

  console.log('IVS calls per minute at 1,000 stages: push on…');
  const on = await perMinute(true);
  console.log('IVS calls per minute at 1,000 stages: push off…');
  const off = await perMinute(false);
  const quota = (key: string) => operationRate(key.split(' ')[1] as string) * 60;
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const keys = [...new Set([...on.ivs.keys(), ...off.ivs.keys()])].sort();
  for (const k of keys) {
    const a = on.ivs.get(k) ?? 0;
    const b = off.ivs.get(k) ?? 0;
    bar(
      `IVS calls per minute, board at 1,000 stages: ${k}`,
      `push on ${a.toFixed(1)}/min = ${((100 * a) / quota(k)).toFixed(1)} % of quota ${quota(k)}/min; push off ${b.toFixed(1)}/min = ${((100 * b) / quota(k)).toFixed(1)} %; on/off ${b > 0 ? (a / b).toFixed(2) : 'n/a'} (bar: push on ≤ 10 %)`,
      a <= 0.1 * quota(k),
    );
  }
  info('all IVS calls per minute, board at 1,000 stages', `push on ${total(on.ivs).toFixed(1)}, push off ${total(off.ivs).toFixed(1)}, ratio on/off ${total(off.ivs) > 0 ? (total(on.ivs) / total(off.ivs)).toFixed(2) : 'n/a'}`);
  info('throttled calls per minute', `push on ${on.throttled.toFixed(1)}, push off ${off.throttled.toFixed(1)}`);
  info('publish/unpublish changes during each minute', `push on ${on.changes}, push off ${off.changes}`);
  // Without deliveries the push-on minute would only show a console that is not listening.
  bar('pushed events delivered to the board during the push-on minute', `${on.delivered} for ${on.changes} changes (bar: ≥ the changes); push off ${off.delivered}`, on.delivered >= on.changes && on.changes > 0);
  if (keys.length === 0) bar('IVS calls per minute, board at 1,000 stages', 'no IVS call was logged at all: the board did not load', false);
}

await browser.close();
await new Promise<void>((r) => server.httpServer.close(() => r()));
scenario?.stop();
await small.em.close();
await large.em.close();
const failed = results.filter((r) => !r.pass);
console.log(`\n${results.length - failed.length} bars passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
