import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { StageListPage } from '../pages/StageListPage';

test('an emulator error is shown in words with its request id, and Retry recovers', async ({ signedInPage: page, control, requests }) => {
  // More failures than the SDK (3 attempts) and react-query (1 retry) will make: 6 requests at most.
  await control.setFaults([{ operation: 'ListStages', failNext: 6, errorStatus: 500 }]);
  const list = new StageListPage(page);
  await page.goto(`/regions/${REGION}/stages`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Service error', { timeout: 20_000 });
  await expect(alert).toContainText(/Request id: \S+/);
  // Retry has one owner: 3 SDK attempts × (1 + 1 react-query retry) = 6 requests, no more.
  expect(requests.count('ListStages')).toBe(6);
  await control.clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(list.heading).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a broken config.json names the bad field instead of starting', async ({ page, requests }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { regions: [{ id: 'us-east-1', identityPoolId: 'nope' }], pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 } } }),
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /config.json needs fixing/ })).toBeVisible();
  await expect(page.getByText('regions[0].identityPoolId')).toBeVisible();
  expect(requests.operations).toEqual([]);
});

test('a paused view stops polling and says so', async ({ signedInPage: page, requests }) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  await page.getByRole('button', { name: 'Pause live updates' }).click();
  await expect(page.getByText(/live updates paused/)).toBeVisible();
  requests.reset();
  await page.waitForTimeout(6000);
  expect(requests.count('ListStages')).toBe(0);
  await page.getByRole('button', { name: 'Resume live updates' }).click();
  await expect.poll(() => requests.count('ListStages'), { timeout: 8000 }).toBeGreaterThan(0);
});

test('a failed background refresh keeps the last good data and says it is stale', async ({ signedInPage: page, ivs, control, stage }) => {
  const p = await joinParticipant(ivs, control, stage.arn, { userId: 'steady' });
  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, p.sessionId, p.participantId);
  await expect(participant.field('User id')).toHaveText('steady');

  await control.setFaults([{ operation: 'GetParticipant', failNext: 20, errorStatus: 503 }]);
  await expect(page.getByText(/Showing data from/)).toBeVisible({ timeout: 15_000 });
  await expect(participant.field('User id')).toHaveText('steady');

  await control.clearFaults();
  await expect(page.getByText(/Showing data from/)).toHaveCount(0, { timeout: 10_000 });
});

test('a hidden tab makes no requests, and polling resumes when it is shown again', async ({ signedInPage: page, requests }) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      // Runs in the browser; e2e/ is type-checked without the DOM library.
      const doc = (globalThis as unknown as { document: EventTarget }).document;
      Object.defineProperty(doc, 'visibilityState', { configurable: true, get: () => s });
      Object.defineProperty(doc, 'hidden', { configurable: true, get: () => s === 'hidden' });
      doc.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  requests.reset();
  await page.waitForTimeout(7000);
  expect(requests.operations).toEqual([]);
  await setVisibility('visible');
  await expect.poll(() => requests.count('ListStages'), { timeout: 8000 }).toBeGreaterThan(0);
});
