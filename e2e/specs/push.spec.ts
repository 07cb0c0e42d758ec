// Pushed stage events end to end: the app's AppSync Events client against the emulator's real endpoint
// (WebSocket, SigV4, the role policies in iam/), merged into the screens, with the emulator's push faults.
import { mkdirSync } from 'node:fs';
import { StartParticipantReplicationCommand } from '@aws-sdk/client-ivs-realtime';
import type { Page } from '@playwright/test';
import { checkView } from '../fixtures/a11y';
import { configFor } from '../fixtures/childEmulator';
import { PRODUCER, SUPPORT, signIn } from '../fixtures/auth';
import { EMULATOR_URL, joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { expect, test } from '../fixtures/test';
import { StageDetailPage } from '../pages/StageDetailPage';

/** How often views reconcile by polling while push is healthy, in these specs (60 s by default). */
const RECONCILE_MS = 8_000;

/** The suite's config with both regions' events endpoints on the emulator (its port serves /event and /event/realtime). */
export function pushConfig() {
  const base = configFor(EMULATOR_URL);
  return {
    ...base,
    pushReconcileMs: RECONCILE_MS,
    regions: base.regions.map((r) => ({ ...r, eventsHttpEndpoint: EMULATOR_URL, eventsRealtimeEndpoint: EMULATOR_URL.replace(/^http/, 'ws') })),
  };
}

// vite preview derives its CSP from public/config.json, which has no events endpoints (the rest of the suite polls
// as it always has); this spec serves another config.json, so the served policy would not name the socket. The
// policy's events origins are checked in src/config/csp.test.ts.
test.use({ bypassCSP: true });

async function withPush(page: Page): Promise<void> {
  await page.route('**/config.json', (route) => route.fulfill({ json: pushConfig() }));
}

const indicator = (page: Page) => page.locator('.push-indicator');

test.beforeEach(async ({ control }) => {
  await control.clearPushFaults();
});

test('with polling paused, a publish and an unpublish reach the stage page through push alone', async ({ page, ivs, control, stage }) => {
  await withPush(page);
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'push-host' });
  await signIn(page, PRODUCER, '/signed-in');
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(indicator(page)).toHaveText('Live (push)');
  await expect(detail.participantRow(host.participantId)).toContainText('Never published');
  await page.getByRole('button', { name: 'Pause live updates' }).first().click();

  await control.publish({ stageArn: stage.arn, participantId: host.participantId });
  await expect(detail.participantRow(host.participantId)).toContainText('On air', { timeout: 5_000 });
  // Let the refetches the publish caused (its events lookup, the stage's counts after their debounce) finish.
  await page.waitForTimeout(3_000);
  const before = (await control.requestLog()).lastSeq;
  await control.unpublish({ stageArn: stage.arn, participantId: host.participantId });
  await expect(detail.participantRow(host.participantId)).toContainText('Has published · off air', { timeout: 5_000 });
  // The unpublish was written into the cache from the event: no participant or event read happened before the screen changed.
  const reads = (await control.requestLog(before)).entries.filter((e) => ['ListParticipantEvents', 'GetParticipant', 'ListParticipants'].includes(e.operation));
  expect(reads).toEqual([]);
  expect((await control.pushStatus()).delivered).toBeGreaterThanOrEqual(2);
});

test('a closed socket turns the indicator to "Polling only" and it recovers by itself', async ({ page, control, stage }) => {
  await withPush(page);
  await signIn(page, PRODUCER, '/signed-in');
  await new StageDetailPage(page).open(REGION, stage.arn);
  await expect(indicator(page)).toHaveText('Live (push)');
  await control.setPushFaults({ refuseConnections: true });
  await control.closePushSockets();
  await expect(indicator(page)).toContainText(/Polling only — (disconnected|refused), retrying in \d+ s/);
  await control.clearPushFaults();
  await expect(indicator(page)).toHaveText('Live (push)', { timeout: 40_000 });
});

test('a support user subscribes, and the emulator refuses its publish', async ({ page, ivs, control, stage }) => {
  await withPush(page);
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'support-watch' });
  await signIn(page, SUPPORT, '/signed-in');
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(indicator(page)).toHaveText('Live (push)');
  // Subscribed: a change reaches the support user's screen.
  await control.publish({ stageArn: stage.arn, participantId: host.participantId });
  await expect(detail.participantRow(host.participantId)).toContainText('On air', { timeout: 5_000 });
  // The app's own client tries a publish on the open socket; the role's policy denies appsync:EventPublish.
  await page.getByRole('button', { name: 'Diagnostics' }).click();
  await page.getByRole('button', { name: 'Check that this role cannot publish events' }).click();
  const probe = page.getByTestId('push-publish-probe');
  await expect(probe).toContainText('us-east-1: refused, as it should be');
  await expect(probe).toContainText('us-west-2: refused, as it should be');
  await expect(probe).toContainText(/Unauthorized/i);
  await expect(probe).not.toContainText('ALLOWED');
});

test('with events dropped, duplicated and reordered, the screen converges to the truth within one reconciliation', async ({ page, ivs, control, stage }) => {
  await withPush(page);
  const people = await Promise.all(['conv-a', 'conv-b', 'conv-c', 'conv-d'].map((userId) => joinParticipant(ivs, control, stage.arn, { userId })));
  await signIn(page, PRODUCER, '/signed-in');
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(indicator(page)).toHaveText('Live (push)');
  await control.setPushFaults({ dropRate: 0.3, duplicateRate: 0.5, reorderWindow: 3, seed: 7 });
  // A burst of changes; the truth at the end: a and c on air, b and d off air (both have published).
  for (const p of people) await control.publish({ stageArn: stage.arn, participantId: p.participantId });
  for (const p of [people[1]!, people[3]!, people[0]!]) await control.unpublish({ stageArn: stage.arn, participantId: p.participantId });
  await control.publish({ stageArn: stage.arn, participantId: people[0]!.participantId });
  const truth: [number, string][] = [
    [0, 'On air'],
    [1, 'Has published · off air'],
    [2, 'On air'],
    [3, 'Has published · off air'],
  ];
  const stats = await control.pushStatus();
  expect(stats.dropped, 'the faults dropped some events').toBeGreaterThan(0);
  for (const [i, text] of truth) {
    await expect(detail.participantRow(people[i]!.participantId)).toContainText(text, { timeout: RECONCILE_MS + 6_000 });
  }
  await page.getByRole('button', { name: 'Diagnostics' }).click();
  await expect(page.getByTestId('push-count-received')).not.toHaveText('0');
});

async function screens(page: Page, name: string): Promise<void> {
  mkdirSync('.test-output/screens', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `.test-output/screens/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the live board: the landing page with push, on air with names, replicas, errors and alerts, at desktop and phone width', async ({ page, ivs, control, stage, otherStage }, testInfo) => {
  // Two viewports, two colour schemes and axe on each: more than the default 45 s.
  test.setTimeout(120_000);
  await withPush(page);
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'board-host', publish: true, attributes: { displayName: 'Maya Board' } });
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: 'board-guest', publish: true, attributes: { displayName: 'Leo Guest' } });
  await joinParticipant(ivs, control, otherStage.arn, { userId: 'board-dest-viewer', capabilities: ['SUBSCRIBE'] });
  await signIn(page, PRODUCER, '/');
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole('heading', { name: 'Live board' })).toBeVisible();
  await expect(indicator(page)).toHaveText('Live (push)');

  // Filter to this test's stages (by a tag-less name match on the shared prefix of both names).
  await page.getByLabel('Filter by name or tag').fill(stage.name);
  const card = page.getByRole('listitem', { name: `Stage ${stage.name}` });
  await expect(card.getByRole('list', { name: 'On air now' })).toContainText('board-host');
  await expect(card.getByRole('list', { name: 'On air now' })).toContainText('Maya Board');
  await expect(card.getByRole('list', { name: 'On air now' })).toContainText('Leo Guest');

  // A replica: an arrow from this stage to the other one, by name.
  await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: host.participantId }));
  await expect(card.getByRole('list', { name: 'Replicas' })).toContainText(`here → ${otherStage.name}`, { timeout: 5_000 });

  // The guest stops publishing; then a publish error: both are alerts, the error also on the card.
  await control.unpublish({ stageArn: stage.arn, participantId: guest.participantId });
  const alerts = page.getByRole('list', { name: 'Alerts, newest first' });
  await expect(alerts).toContainText('stopped publishing', { timeout: 5_000 });
  await expect(alerts).toContainText('board-guest');
  await expect(card.getByRole('list', { name: 'On air now' })).not.toContainText('board-guest');
  await control.emitError({ stageArn: stage.arn, participantId: guest.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });
  await expect(alerts).toContainText('publish error (BITRATE_EXCEEDED)', { timeout: 5_000 });
  await expect(card.getByRole('list', { name: 'Publish errors' })).toContainText('BITRATE_EXCEEDED');

  // Both of this test's stages side by side for the pictures (stages of earlier tests are deleted).
  await page.getByLabel('Filter by name or tag').fill('');
  await page.getByLabel('Filter by name or tag').fill('e2e');
  await screens(page, 'board-desktop');
  await checkView(page, testInfo, 'board-desktop');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { name: 'Live board' })).toBeVisible();
  const overflow = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth - d.clientWidth;
  });
  expect(overflow, 'no sideways scroll at 390 px').toBeLessThanOrEqual(0);
  await screens(page, 'board-phone');
  await checkView(page, testInfo, 'board-phone');
});

test('without events endpoints the header says polling only and the landing page is the stage list', async ({ page }) => {
  await signIn(page, PRODUCER, '/');
  await expect(page).toHaveURL(/\/regions\/us-east-1\/stages$/);
  await expect(indicator(page)).toHaveText('Polling only — not configured');
  await page.getByRole('link', { name: 'Live board' }).click();
  await expect(page.getByRole('heading', { name: 'Live board' })).toBeVisible();
});
