// Pushed stage events end to end: the app's AppSync Events client against the emulator's real endpoint
// (WebSocket, SigV4, the role policies in iam/), merged into the screens, with the emulator's push faults.
import type { Page } from '@playwright/test';
import { configFor } from '../fixtures/childEmulator';
import { SUPPORT, signIn } from '../fixtures/auth';
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
  await signIn(page, { username: 'pat.producer', password: 'Producer-demo-1', role: 'producer' }, '/signed-in');
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
  await signIn(page, { username: 'pat.producer', password: 'Producer-demo-1', role: 'producer' }, '/signed-in');
  await new StageDetailPage(page).open(REGION, stage.arn);
  await expect(indicator(page)).toHaveText('Live (push)');
  await control.setPushFaults({ refuseConnections: true });
  await control.closePushSockets();
  await expect(indicator(page)).toContainText(/Polling only — (disconnected|refused), retrying in \d+ s/);
  await control.clearPushFaults();
  await expect(indicator(page)).toHaveText('Live (push)', { timeout: 40_000 });
});

test('a support user subscribes too', async ({ page, stage }) => {
  await withPush(page);
  await signIn(page, SUPPORT, '/signed-in');
  await new StageDetailPage(page).open(REGION, stage.arn);
  await expect(indicator(page)).toHaveText('Live (push)');
});
