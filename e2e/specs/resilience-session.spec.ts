// Honest state under trouble: expired credentials mid-journey, throttling, offline, unreadable answers, bad links.
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { userBox } from '../fixtures/auth';
import { expect, test } from '../fixtures/test';
import { ParticipantPage } from '../pages/ParticipantPage';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

test('credentials that expire mid-journey are renewed without the user noticing', async ({ signedInPage: page, ivs, control, stage }) => {
  const p = await joinParticipant(ivs, control, stage.arn, { userId: 'steady', publish: true });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(p.participantId)).toBeVisible();
  const before = (await control.requestLog()).lastSeq;

  // One hour and a minute later for the emulator: the Cognito credentials (1 h) and the ID token have expired,
  // the refresh token has not. The browser's clock has not moved, so the SDK still believes its credentials.
  await control.advanceClock(61 * 60_000);
  await detail.openParticipant(p.participantId);
  const participant = new ParticipantPage(page);
  await expect(participant.heading).toContainText(p.participantId);
  await expect(participant.field('User id')).toHaveText('steady');
  await expect(userBox(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The log shows the refusal and the replay with fresh credentials.
  const entries = (await control.requestLog(before)).entries;
  const refused = entries.findIndex((e) => e.service === 'ivs' && (e.errorType === 'ExpiredTokenException' || e.errorType === 'UnrecognizedClientException'));
  expect(refused, 'an IVS call was refused for expired credentials').toBeGreaterThanOrEqual(0);
  const after = entries.slice(refused + 1);
  expect(after.some((e) => e.operation === 'GetCredentialsForIdentity' && e.status === 200)).toBe(true);
  expect(after.some((e) => e.service === 'ivs' && e.status === 200)).toBe(true);
});

test('polling slows down while IVS throttles, says so, and recovers after a success', async ({ signedInPage: page, ivs, control, stage, requests }) => {
  await joinParticipant(ivs, control, stage.arn, { userId: 'steady' });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(page.getByText(/Updated \d+ s ago/).first()).toBeVisible();

  await control.setFaults([{ operation: 'GetStage', throttleRate: 1 }]);
  await expect(page.getByText('slowed: throttled').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /Showing data from .* ago/ })).toContainText('refreshes less often');
  // Slower: once slowed, the stage is asked for less often than every 3 s (each refresh is 3 SDK attempts × 2 rounds).
  requests.reset();
  await page.waitForTimeout(9_000);
  expect(requests.count('GetStage')).toBeLessThanOrEqual(6);

  await control.clearFaults();
  await expect(page.getByText('slowed: throttled')).toHaveCount(0, { timeout: 45_000 });
  await expect(page.getByText(/Showing data from/)).toHaveCount(0);
});

test('an offline browser says so and stops polling; back online it refreshes at once', async ({ signedInPage: page, requests }) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  await page.context().setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await expect(page.getByText(/offline, updates paused/)).toBeVisible();
  requests.reset();
  await page.waitForTimeout(7_000);
  expect(requests.operations).toEqual([]);

  await page.context().setOffline(false);
  await expect(page.getByText('You are offline')).toHaveCount(0);
  // Refreshed on reconnect, well before the 5 s stage-list interval would have come round.
  await expect.poll(() => requests.count('ListStages'), { timeout: 2_500 }).toBeGreaterThan(0);
  await expect(page.getByText(/Updated [0-4] s ago/)).toBeVisible();
});

test('a laptop waking from sleep refreshes the view at once, even with live updates paused', async ({ signedInPage: page, ivs, control, stage, requests }) => {
  const p = await joinParticipant(ivs, control, stage.arn, { userId: 'sleeper' });
  // The browser's timers and Date from here on are Playwright's: time flows normally until the test moves it.
  await page.clock.install();
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(p.participantId)).toBeVisible();
  // Paused, nothing polls: only the wake-up check can refresh the view.
  await page.getByRole('button', { name: 'Pause live updates' }).first().click();
  const freshness = page.getByText(/Updated .* ago · live updates paused/).first();
  await expect(freshness).toBeVisible();

  // Ten awake seconds: the wake check ticks on time, so nothing is fetched and the label just ages.
  requests.reset();
  await page.clock.runFor(10_000);
  expect(requests.operations).toEqual([]);
  await expect(freshness).toHaveText(/Updated (1\d|[2-9]\d) s ago/);

  // The lid closes for four minutes: timers stop, then each due one fires once, late (as after a real sleep).
  // Four, not more: only the browser's clock jumps, and IVS refuses signatures more than five minutes off.
  await page.clock.fastForward('04:00');
  await expect.poll(() => requests.operations.length, { timeout: 3_000, message: 'IVS requests after waking' }).toBeGreaterThan(0);
  await expect(freshness).toHaveText(/Updated [0-4] s ago/);
  await expect(detail.participantRow(p.participantId)).toBeVisible();
});

test('an answer the app cannot read is explained, not a blank screen', async ({ signedInPage: page }) => {
  await page.route('**/ListStages', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, status: 200, headers: { ...res.headers(), 'content-type': 'text/html' }, body: '<html><body>Gateway says hi</body></html>' });
  });
  await page.goto(`/regions/${REGION}/stages`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not read (HTTP 200)', { timeout: 20_000 });
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.unroute('**/ListStages');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(new StageListPage(page).heading).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
