// Issue 7 in the browser: a windowed participant table, server-side filters, the polling budget, no requests
// from a hidden tab. The 25,000-row and 1,000-stage figures are measured by `npm run bench`.
import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { StageDetailPage } from '../pages/StageDetailPage';

// In-page code runs in the browser; e2e/ is type-checked without the DOM library.
declare const document: { dispatchEvent(e: unknown): boolean };
declare const Event: new (type: string) => unknown;

test('a session larger than one page renders a window of rows, scrolls by keyboard and loads the next page', async ({ signedInPage: page, ivs, control, stage, requests }) => {
  test.setTimeout(60_000);
  const joined = [];
  for (let i = 0; i < 130; i++) joined.push(await joinParticipant(ivs, control, stage.arn, { userId: `fan-${String(i).padStart(3, '0')}` }));
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  const table = page.getByRole('region', { name: 'Participant table' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Only the rows in view (plus a few) are in the DOM; the table says how many exist.
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(40);
  await table.focus();
  await page.keyboard.press('End');
  await expect(page.getByText('130 participants loaded')).toBeVisible();
  await page.keyboard.press('End');
  await expect(table.getByRole('table')).toHaveAttribute('aria-rowcount', '131');
  await expect(table.getByRole('link', { name: (joined[129] as { participantId: string }).participantId })).toBeVisible();
  await expect(table.locator('tbody tr[aria-rowindex="131"]')).toBeVisible();
  expect(requests.count('ListParticipants')).toBeGreaterThanOrEqual(2);
});

test('finding a user in a session costs one ListParticipants request (server-side filter)', async ({ signedInPage: page, ivs, control, stage, requests }) => {
  for (let i = 0; i < 5; i++) await joinParticipant(ivs, control, stage.arn, { userId: `viewer-${i}` });
  const target = await joinParticipant(ivs, control, stage.arn, { userId: 'needle-7' });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(target.participantId)).toBeVisible();
  await page.getByRole('button', { name: 'Pause live updates' }).first().click();
  requests.reset();
  await detail.participants.getByRole('searchbox', { name: 'User id' }).fill('needle-7');
  await detail.participants.getByRole('button', { name: 'Find user' }).click();
  await expect(page.getByText('1 participants loaded')).toBeVisible();
  await expect(detail.participantRow(target.participantId)).toBeVisible();
  expect(requests.count('ListParticipants')).toBe(1);
});

test('a hidden tab makes no requests, and the diagnostics panel shows the budget', async ({ signedInPage: page, ivs, control, stage, requests }) => {
  await joinParticipant(ivs, control, stage.arn, { userId: 'watcher' });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(page.getByText('1 participants loaded')).toBeVisible();
  await page.getByRole('button', { name: 'Diagnostics' }).click();
  const panel = page.getByRole('region', { name: /API budget/ });
  await expect(panel.getByRole('row', { name: /ListParticipants/ })).toContainText('Within budget');
  await expect(panel.getByRole('row', { name: /ListParticipants/ })).toContainText('150');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(500); // requests already in flight
  requests.reset();
  await page.waitForTimeout(7_000); // more than two poll intervals
  expect(requests.operations).toEqual([]);
});
