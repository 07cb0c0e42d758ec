// The console at 1,000 stages under AWS's rate limits (on, as in every spec): its polling of the stage list across
// all regions, the 25,000-participant session and the replication map, left open for about two minutes,
// never meets a ThrottlingException. The large scenario runs on an emulator of this test's own (see childEmulator).
import { PRODUCER, signIn } from '../fixtures/auth';
import { aimAppAt, createChildEmulator, OWN_EMULATOR, type ChildEmulator } from '../fixtures/childEmulator';
import { expect, test } from '../fixtures/test';

// The app talks to an emulator on a port the served CSP does not name (see aimAppAt).
test.use({ bypassCSP: true });
test.setTimeout(300_000);

let emulator: ChildEmulator | undefined;
test.afterEach(async () => {
  await emulator?.dispose();
  emulator = undefined;
});

const stageRow = '[data-testid=stage-table] tbody tr[aria-rowindex]';
const partRow = '[data-testid=participant-table] tbody tr[aria-rowindex]';

test('1,000 stages polled for minutes stay under the rate limits: zero throttles', { tag: OWN_EMULATOR }, async ({ page }) => {
  const em = await createChildEmulator({ scenario: 'large', persist: false });
  emulator = em;
  await em.start();
  await expect.poll(() => em.output(), { timeout: 60_000, message: 'the large scenario reports itself' }).toMatch(/large scenario: 1000 stages/);
  const [, stadiumArn, sessionId] = /in (arn:\S+) session (st-\w+)/.exec(em.output()) ?? [];
  expect(stadiumArn).toBeTruthy();
  expect((await em.control.quotas()).enabled).toBe(true);

  await aimAppAt(page, em.url);
  await signIn(page, PRODUCER, '/signed-in');
  const views: [string, string, number][] = [
    ['/regions/us-east-1/stages?regions=all', stageRow, 55_000],
    [`/regions/us-east-1/stages/${encodeURIComponent(stadiumArn as string)}/sessions/${sessionId}`, partRow, 35_000],
    ['/regions/us-east-1/replications', 'h1#map-title', 35_000],
  ];
  for (const [path, ready, openMs] of views) {
    await page.goto(path);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(openMs);
  }

  const { throttled, buckets } = await em.control.quotas();
  const polled = (await em.control.requestLog()).entries.filter((e) => e.service === 'ivs');
  const by = (op: string) => polled.filter((e) => e.operation === op).length;
  console.log(`1,000 stages, 125 s open: ${polled.length} IVS requests (ListStages ${by('ListStages')}, ListParticipants ${by('ListParticipants')}), ${throttled} throttled`);
  // The console really polled (so zero throttles is a finding, not an idle page)...
  expect(by('ListStages')).toBeGreaterThan(40);
  expect(by('ListParticipants')).toBeGreaterThan(10);
  expect(buckets.some((b) => b.operation === 'ListStages' && b.region === 'us-west-2')).toBe(true);
  // ...and never went over a limit.
  expect(polled.filter((e) => e.status === 429)).toEqual([]);
  expect(throttled).toBe(0);
});
