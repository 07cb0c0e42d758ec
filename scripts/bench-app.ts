// `npm run bench`: the console at real scale, measured by Playwright driving Chromium against an
// in-process emulator and `vite preview`, both on free loopback ports. Prints, from one run, each figure with
// PASS/FAIL against its bar, and exits non-zero on a missed bar:
//   1. initial JS gzip of the built app vs a minimal page with the same four dependencies (the floor), ratio ≤ 1.3;
//   2. time to first stage rows, 1,000 stages vs 10 (all regions), ratio ≤ 1.5;
//   3. participant table at 100 vs 25,000 rows: first render and a full scroll, ratios ≤ 1.5, no frame > 50 ms;
//   4. requests per minute by operation for each view left open (measured over 20 s, scaled ×3) vs half the
//      rate limit, and 0 requests from a hidden tab;
//   5. ms from an emulator state change (control client leave) to the change on screen ≤ poll interval + 1 s.
// The emulators keep AWS's rate limits (on by default); part 4 also reports the throttles per minute each view
// caused, read from the emulator's buckets (bar: 0).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { IVSRealTimeClient, ListStagesCommand, CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../emulator/src/auth/credentials.ts';
import { createControlClient } from '../emulator/src/control/client.ts';
import { paceClient, Pacer } from '../emulator/src/control/pacer.ts';
import { seedCrowd, startLarge } from '../emulator/src/scenarios/large.ts';
import { createEmulator, type Emulator } from '../emulator/src/server.ts';
import { defaultUserPoolConfig } from '../emulator/src/userpool/config.ts';
import { securityHeaders } from '../src/config/csp.ts';
import { budgetPerMinute } from '../src/query/budget.ts';

// In-page code runs in the browser; this project is type-checked without the DOM library, so declare the little it uses.
type Box = { scrollTop: number; scrollHeight: number; clientHeight: number };
declare const document: { querySelector(s: string): Box | null; body: { innerText: string }; dispatchEvent(e: unknown): boolean };
declare const requestAnimationFrame: (cb: (t: number) => void) => number;
declare const window: { __greenroomRequests?: { since(t: number): { operation: string; region: string; at: number }[] } };
declare const Event: new (type: string) => unknown;

// The SDK's Node-20 notice is not a benchmark figure.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = process.cwd();
const results: { name: string; figure: string; pass: boolean }[] = [];
// `npm run bench -- table polling` runs only those parts (bundle, stages, table, polling, latency); default all.
const PARTS = ['bundle', 'stages', 'table', 'polling', 'latency'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknownPart = only.find((p) => !PARTS.includes(p));
if (unknownPart) {
  console.error(`Unknown part "${unknownPart}". Parts: ${PARTS.join(', ')}.`);
  process.exit(2);
}
const want = (part: string): boolean => only.length === 0 || only.includes(part);
const bar = (name: string, figure: string, pass: boolean): void => {
  results.push({ name, figure, pass });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${figure}`);
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

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

/** Gzip (-9) bytes of the JS a built index.html loads before anything runs: its module script and modulepreloads. */
function initialJsGzip(outDir: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(outDir, f.replace(/^\//, ''))), { level: 9 }).length, 0);
  return { bytes, files };
}

async function buildFloor(): Promise<number> {
  mkdirSync(join(root, 'node_modules/.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.tmp/bench-floor-'));
  try {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.tsx"></script></body></html>');
    writeFileSync(
      join(dir, 'main.tsx'),
      `import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { IVSRealTimeClient, ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
const client = new IVSRealTimeClient({ region: 'us-east-1', credentials: fromCognitoIdentityPool({ identityPoolId: 'us-east-1:x', clientConfig: { region: 'us-east-1' } }) });
function App() {
  const q = useQuery({ queryKey: ['stages'], queryFn: () => client.send(new ListStagesCommand({})) });
  return <p>{q.data ? q.data.stages?.length : 'loading'}</p>;
}
createRoot(document.getElementById('root')!).render(<QueryClientProvider client={new QueryClient()}><App /></QueryClientProvider>);
`,
    );
    await build({
      root: dir,
      configFile: false,
      logLevel: 'warn',
      plugins: [react()],
      resolve: { alias: [{ find: /^@aws-sdk\/credential-providers$/, replacement: '@aws-sdk/credential-providers/dist-es/index.browser.js' }] },
      build: { target: 'es2022', outDir: join(dir, 'dist'), emptyOutDir: true },
    });
    return initialJsGzip(join(dir, 'dist')).bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// 1. Bundle
console.log('building the app and the floor page…');
// Its own output folder, so a Playwright run serving dist/ at the same time is not disturbed.
const outDir = join(root, 'node_modules/.tmp/bench-dist');
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const app = initialJsGzip(outDir);
if (want('bundle')) {
  const floor = await buildFloor();
  bar('initial JS gzip vs floor', `${kb(app.bytes)} vs ${kb(floor)} (${app.files.length} files), ratio ${(app.bytes / floor).toFixed(2)} (bar ≤ 1.30)`, app.bytes / floor <= 1.3);
  // The metric charts' chunks, found by what they hold (their file names carry hashes and whichever module Rollup
  // named the shared chunk after): uPlot, the CloudWatch client, and the two views. None may load on the first visit.
  const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  const lazyChunks: [string, (text: string, file: string) => boolean][] = [
    ['charts (uPlot + MetricChart)', (t) => t.includes('u-legend')],
    ['CloudWatch client', (t) => t.includes('GraniteServiceVersion20100801')],
    ['stage metrics view', (_t, f) => f.startsWith('StageMetrics-')],
    ['participant metrics view', (_t, f) => f.startsWith('ParticipantMetrics-')],
  ];
  const initial = new Set(app.files.map((f) => f.replace(/^\/assets\//, '')));
  for (const [name, match] of lazyChunks) {
    const files = assets.filter((f) => match(readFileSync(join(outDir, 'assets', f), 'utf8'), f));
    const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(outDir, 'assets', f)), { level: 9 }).length, 0);
    const eager = files.filter((f) => initial.has(f));
    bar(
      `lazy chunk: ${name}`,
      `${kb(bytes)} gzip in ${files.join(', ') || 'no file'}${eager.length ? `; loaded on the first visit: ${eager.join(', ')}` : ', not on the first visit'}`,
      files.length > 0 && eager.length === 0,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Emulators: "small" with 10 stages, "large" with 1,000 stages, a 25,000- and a 100-participant session.
const previewPort = await freePort();
const appUrl = `http://127.0.0.1:${previewPort}`;
const userPool = defaultUserPoolConfig('us-east-1');
userPool.clients[0] = { ...(userPool.clients[0] as (typeof userPool.clients)[number]), callbackUrls: [`${appUrl}/auth/callback`], signOutUrls: [`${appUrl}/`] };

async function startEmulator(): Promise<{ em: Emulator; url: string }> {
  const em = createEmulator({ sessionIdleMs: 3_600_000, userPool });
  return { em, url: await em.listen(0) };
}
// The bench's own set-up calls keep under the rate limits, so every throttle counted below is the console's.
const pacers = new Map<string, Pacer>();
const sdk = (url: string, region = 'us-east-1') => {
  const pacer = pacers.get(url) ?? new Pacer();
  pacers.set(url, pacer);
  return paceClient(new IVSRealTimeClient({ region, endpoint: url, credentials: { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY }, maxAttempts: 1 }), pacer);
};

const small = await startEmulator();
for (let i = 0; i < 10; i++) await sdk(small.url, i % 2 ? 'us-west-2' : 'us-east-1').send(new CreateStageCommand({ name: `small-${i}` }));
const large = await startEmulator();
const scenario = await startLarge({ url: large.url, emulator: large.em, seed: 7 });
const hundred = await seedCrowd(large.em, 'us-east-1', 'bench-100', 100);
let stadiumStage: { arn?: string; activeSessionId?: string } | undefined;
for (let token: string | undefined, first = true; first || token; first = false) {
  const out = await sdk(large.url).send(new ListStagesCommand({ maxResults: 100, nextToken: token }));
  stadiumStage ??= out.stages?.find((s) => s.name === 'stadium-25k');
  token = out.nextToken;
}
const stadium = { stageArn: stadiumStage?.arn as string, sessionId: stadiumStage?.activeSessionId as string };

const config = (url: string) => ({
  regions: [
    { id: 'us-east-1', identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001', ivsEndpoint: url, cognitoEndpoint: url, cloudwatchEndpoint: url },
    { id: 'us-west-2', identityPoolId: 'us-west-2:00000000-0000-4000-8000-000000000002', ivsEndpoint: url, cognitoEndpoint: url, cloudwatchEndpoint: url },
  ],
  pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
  auth: { region: 'us-east-1', userPoolId: 'us-east-1_Greenroom1', clientId: 'greenroomlocalappclient001', authority: `${url}/us-east-1_Greenroom1` },
});
const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: {
    port: previewPort,
    host: '127.0.0.1',
    strictPort: true,
    // The CSP must name the bench emulators instead of the configured one.
    headers: securityHeaders({ ...config(small.url), regions: [...config(small.url).regions, ...config(large.url).regions] } as never),
  },
});

const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });

async function signedIn(emulatorUrl: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await ctx.newPage();
  await page.route('**/config.json', (r) => r.fulfill({ json: config(emulatorUrl) }));
  await page.goto(`${appUrl}/signed-in`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Password').fill('Producer-demo-1');
  await page.getByLabel('Username').fill('pat.producer');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('group', { name: 'Signed-in user' }).waitFor();
  return page;
}

async function timeToRows(page: Page, path: string, selector: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(appUrl + path);
  try {
    await page.locator(selector).first().waitFor({ timeout: 20_000 });
  } catch (e) {
    console.error(`no rows at ${path}:\n${await page.locator('body').innerText()}`);
    throw e;
  }
  return Date.now() - t0;
}

// ---------------------------------------------------------------------------------------------------------
// 2. First stage rows
const stageRow = '[data-testid=stage-table] tbody tr[aria-rowindex]';
const smallPage = await signedIn(small.url);
const largePage = await signedIn(large.url);
if (want('stages')) {
  const runs = 5;
  const t10: number[] = [];
  const t1000: number[] = [];
  for (let i = 0; i < runs; i++) {
    t10.push(await timeToRows(smallPage, '/regions/us-east-1/stages?regions=all', stageRow));
    t1000.push(await timeToRows(largePage, '/regions/us-east-1/stages?regions=all', stageRow));
  }
  const stagesTotal = await largePage.getByText(/^\d+ of \d+ stages$/).textContent();
  const rStages = median(t1000) / median(t10);
  bar('first stage rows, 1,000 vs 10 stages (all regions, median of 5)', `${median(t1000)} ms vs ${median(t10)} ms (${stagesTotal}), ratio ${rStages.toFixed(2)} (bar ≤ 1.50)`, rStages <= 1.5);
}

// ---------------------------------------------------------------------------------------------------------
// 3. Participant table: first render, load everything, then a scripted full scroll with rAF frame sampling.
const partRow = '[data-testid=participant-table] tbody tr[aria-rowindex]';
const sessionPath = (s: { stageArn: string; sessionId: string }) =>
  `/regions/us-east-1/stages/${encodeURIComponent(s.stageArn)}/sessions/${encodeURIComponent(s.sessionId)}`;

async function loadAll(page: Page, total: number): Promise<number> {
  const t0 = Date.now();
  await page.evaluate(async (want) => {
    const box = document.querySelector('[data-testid=participant-table]') as Box;
    // No named helpers in here: tsx would wrap them in a __name() call the page does not have.
    const text = `${want} participants loaded`;
    const deadline = Date.now() + 180_000;
    while (!document.body.innerText.includes(text) && Date.now() < deadline) {
      box.scrollTop = box.scrollHeight;
      await new Promise((r) => setTimeout(r, 15));
    }
    if (!document.body.innerText.includes(text)) throw new Error('not all participants loaded');
  }, total);
  return Date.now() - t0;
}

async function fullScroll(page: Page): Promise<{ ms: number; maxFrame: number; frames: number }> {
  return page.evaluate(async () => {
    const box = document.querySelector('[data-testid=participant-table]') as Box;
    box.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const steps = 240;
    const target = box.scrollHeight - box.clientHeight;
    let maxFrame = 0;
    let last = performance.now();
    const t0 = last;
    for (let i = 1; i <= steps; i++) {
      box.scrollTop = (target * i) / steps;
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      const now = performance.now();
      maxFrame = Math.max(maxFrame, now - last);
      last = now;
    }
    // One more frame so the last scroll position is painted.
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    return { ms: performance.now() - t0, maxFrame, frames: steps };
  });
}

if (want('table')) {
  const first100: number[] = [];
  const first25k: number[] = [];
  for (let i = 0; i < 3; i++) {
    first100.push(await timeToRows(largePage, sessionPath(hundred), partRow));
    first25k.push(await timeToRows(largePage, sessionPath(stadium), partRow));
  }
  await timeToRows(largePage, sessionPath(hundred), partRow);
  await loadAll(largePage, 100);
  const scroll100 = await fullScroll(largePage);
  await timeToRows(largePage, sessionPath(stadium), partRow);
  const loadMs = await loadAll(largePage, 25_000);
  const scroll25k = await fullScroll(largePage);
  const rFirst = median(first25k) / median(first100);
  const rScroll = scroll25k.ms / scroll100.ms;
  bar('participant table first render, 25,000 vs 100 rows (median of 3)', `${median(first25k)} ms vs ${median(first100)} ms, ratio ${rFirst.toFixed(2)} (bar ≤ 1.50)`, rFirst <= 1.5);
  bar(
    'participant table full scroll (240 frames, top to bottom), 25,000 vs 100 rows',
    `${scroll25k.ms.toFixed(0)} ms vs ${scroll100.ms.toFixed(0)} ms, ratio ${rScroll.toFixed(2)} (bar ≤ 1.50); loading all 250 pages took ${loadMs} ms`,
    rScroll <= 1.5,
  );
  const maxFrame = Math.max(scroll25k.maxFrame, scroll100.maxFrame);
  bar('max frame time while scrolling', `${scroll25k.maxFrame.toFixed(1)} ms at 25,000 rows, ${scroll100.maxFrame.toFixed(1)} ms at 100 (bar ≤ 50 ms)`, maxFrame <= 50);
}

// ---------------------------------------------------------------------------------------------------------
// 4. Requests per minute by view (20 s measured, scaled ×3), read from the app's request meter.
const MEASURE_MS = 20_000;
async function rates(page: Page, path: string, ready: string): Promise<{ perMinute: Record<string, number>; throttlesPerMinute: number }> {
  const throttledBefore = large.em.quotas.throttled;
  await page.goto(appUrl + path);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500); // first loads and the settle delay of live counts
  const since = await page.evaluate(() => Date.now());
  const started = Date.now();
  await page.waitForTimeout(MEASURE_MS);
  const samples = await page.evaluate((t) => window.__greenroomRequests?.since(t) ?? [], since);
  const out: Record<string, number> = {};
  for (const s of samples) out[`${s.region} ${s.operation}`] = (out[`${s.region} ${s.operation}`] ?? 0) + (60_000 / MEASURE_MS);
  // Throttles from the page's first load on: a view that opens over budget counts too.
  const throttles = large.em.quotas.throttled - throttledBefore;
  return { perMinute: out, throttlesPerMinute: (throttles * 60_000) / (Date.now() - started) };
}
const views: [string, string, string][] = [
  ['stage list, all regions (1,000 stages)', '/regions/us-east-1/stages?regions=all', stageRow],
  ['stage list, us-east-1, filtered to live stages', '/regions/us-east-1/stages?q=bench', stageRow],
  ['session view, 25,000 participants', sessionPath(stadium), partRow],
  ['session view, 100 participants', sessionPath(hundred), partRow],
  ['participant detail (a viewer)', `${sessionPath(hundred)}/participants/${encodeURIComponent(hundred.viewers[10]?.participantId ?? '')}`, 'h1#participant-title'],
  ['replication map, us-east-1 (1,000 stages)', '/regions/us-east-1/replications', 'h1#map-title'],
];
if (want('polling')) {
  for (const [name, path, ready] of views) {
    const { perMinute: r, throttlesPerMinute } = await rates(largePage, path, ready);
    const over = Object.entries(r).filter(([k, v]) => v > budgetPerMinute(k.split(' ')[1] as string));
    const text = Object.entries(r)
      .map(([k, v]) => `${k} ${v.toFixed(0)}/min (budget ${budgetPerMinute(k.split(' ')[1] as string)})`)
      .join(', ');
    bar(`requests per minute: ${name}`, text || 'none', over.length === 0);
    bar(`throttles per minute: ${name}`, `${throttlesPerMinute.toFixed(1)}/min (bar 0)`, throttlesPerMinute === 0);
  }
  // Hidden tab: no request at all.
  {
    await largePage.goto(appUrl + sessionPath(hundred));
    await largePage.locator(partRow).first().waitFor();
    await largePage.waitForTimeout(1000);
    await largePage.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const since = await largePage.evaluate(() => Date.now());
    await largePage.waitForTimeout(10_000);
    const n = await largePage.evaluate((t) => window.__greenroomRequests?.since(t).length ?? -1, since);
    bar('hidden tab (session view, 10 s)', `${n} requests (bar 0)`, n === 0);
  }
}

// ---------------------------------------------------------------------------------------------------------
// 5. Emulator state change → screen (the 100-participant session, a viewer row in view).
if (want('latency')) {
  const control = createControlClient(large.url, large.em.controlKey);
  await largePage.goto(appUrl + sessionPath(hundred));
  await largePage.locator(partRow).first().waitFor();
  const lat: number[] = [];
  for (const v of hundred.viewers.slice(0, 3)) {
    const row = largePage.locator(partRow).filter({ hasText: v.participantId });
    await row.filter({ hasNotText: 'Disconnected' }).waitFor();
    const t0 = Date.now();
    await control.leave({ stageArn: hundred.stageArn, participantId: v.participantId });
    await row.filter({ hasText: 'Disconnected' }).waitFor({ timeout: 15_000 });
    lat.push(Date.now() - t0);
  }
  const worst = Math.max(...lat);
  bar('state change → screen (leave, 3 viewers)', `${lat.join(', ')} ms, worst ${worst} ms (bar ≤ 3000 + 1000 ms)`, worst <= 4000);
}

console.log(`rate limits on: ${large.em.quotas.enabled}; throttles over the whole bench: ${large.em.quotas.throttled} (1,000 stages), ${small.em.quotas.throttled} (10 stages)`);
await browser.close();
await new Promise<void>((r) => server.httpServer.close(() => r()));
scenario.stop();
await small.em.close();
await large.em.close();
const failed = results.filter((r) => !r.pass);
console.log(`\n${results.length - failed.length} bars passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
