// Performance in the browser: a windowed participant table, server-side filters, the polling budget, no requests
// from a hidden tab. The 25,000-row and 1,000-stage figures are measured by `npm run bench`.
import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
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
  await detail.participants.getByRole('searchbox', { name: 'Participant id or user id' }).fill('needle-7');
  await detail.participants.getByRole('button', { name: 'Find', exact: true }).click();
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

test('the participant table sorts by click or keyboard, and a reload keeps the sort', async ({ signedInPage: page, ivs, control, stage }) => {
  // Joined in this order, so "First joined" ascending is carol, alice, bob.
  for (const userId of ['carol', 'alice', 'bob']) {
    await joinParticipant(ivs, control, stage.arn, { userId });
    await new Promise((r) => setTimeout(r, 5));
  }
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participants.getByRole('row')).toHaveCount(4);
  const userIds = (): Promise<string[]> => detail.participantColumnTexts(1);

  await detail.sortParticipantsBy('User id');
  await expect(detail.participantColumn('User id')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(userIds).toEqual(['alice', 'bob', 'carol']);

  // Enter and Space on the focused header toggle it as a click does.
  await detail.participantColumn('First joined').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(detail.participantColumn('First joined')).toHaveAttribute('aria-sort', 'ascending');
  await expect(detail.participantColumn('User id')).toHaveAttribute('aria-sort', 'none');
  await expect.poll(userIds).toEqual(['carol', 'alice', 'bob']);
  await page.keyboard.press('Space');
  await expect(detail.participantColumn('First joined')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(userIds).toEqual(['bob', 'alice', 'carol']);
  await expect(page).toHaveURL(/[?&]sort=-joined(&|$)/);

  await page.reload();
  await expect(detail.participantColumn('First joined')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(userIds).toEqual(['bob', 'alice', 'carol']);
});

test('"Load all and download CSV" exports every participant, pacing its pages within the budget, and can be cancelled', async ({ signedInPage: page, ivs, control, stage }) => {
  test.setTimeout(60_000);
  const total = 320; // four pages of 100
  for (let i = 0; i < total; i += 20) {
    await Promise.all(Array.from({ length: 20 }, (_, j) => joinParticipant(ivs, control, stage.arn, { userId: `crowd-${String(i + j).padStart(3, '0')}` })));
  }
  // The walk's requests are the ListParticipants calls that carry a nextToken (the page in view, page 0, has none).
  const walk: number[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/ListParticipants')) return;
    if ((r.postDataJSON() as { nextToken?: string } | null)?.nextToken) walk.push(Date.now());
  });
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participants.getByText('100+ participants loaded', { exact: true })).toBeVisible();
  const loadAll = detail.participants.getByRole('button', { name: 'Load all and download CSV' });
  const progress = detail.participants.getByRole('status').filter({ hasText: /participants/ });

  // Cancelled at once: nothing is downloaded, what is loaded stays.
  await loadAll.click();
  await detail.participants.getByRole('button', { name: 'Cancel loading' }).click();
  await expect(progress).toContainText(/Stopped\. The \d+ participants loaded so far stay in the table\./);
  await expect(loadAll).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), loadAll.click()]);
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('participantId,userId,state,published,firstJoinTime,recordingState,replicationType,replicationState');
  expect(lines).toHaveLength(total + 1);
  expect(new Set(lines.slice(1).map((l) => l.split(',')[1])).size).toBe(total);
  expect(downloads).toHaveLength(1);
  await expect(progress).toContainText(`Downloaded all ${total} participants as CSV.`);
  // The table shows the pages the walk loaded.
  await expect(detail.participants.getByText(`${total} participants loaded`, { exact: true })).toBeVisible();
  await expect(loadAll).toHaveCount(0);
  await page.screenshot({ path: 'test-results/participants-load-all.png' });

  // Paced, across the cancelled walk and the full one: no two of their requests closer than the ListParticipants
  // budget allows (2.5 a second: 400 ms). Pages 1-3 once each, plus the one the Cancel may have cut short.
  expect(walk.length).toBeGreaterThanOrEqual(3);
  expect(walk.length).toBeLessThanOrEqual(4);
  for (let i = 1; i < walk.length; i++) expect((walk[i] as number) - (walk[i - 1] as number)).toBeGreaterThanOrEqual(380);
});

test('when "Load all" fails, the error is explained, the loaded rows stay, and Retry finishes the download', async ({ signedInPage: page, ivs, control, stage }) => {
  const total = 150; // two pages
  for (let i = 0; i < total; i += 25) {
    await Promise.all(Array.from({ length: 25 }, (_, j) => joinParticipant(ivs, control, stage.arn, { userId: `fan-${i + j}` })));
  }
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participants.getByText('100+ participants loaded', { exact: true })).toBeVisible();
  // Sorted by user id, descending: the file follows the order on screen.
  await detail.sortParticipantsBy('User id');
  await detail.sortParticipantsBy('User id');
  await expect(detail.participantColumn('User id')).toHaveAttribute('aria-sort', 'descending');

  await control.setFaults([{ operation: 'ListParticipants', errorRate: 1 }]);
  await detail.participants.getByRole('button', { name: 'Load all and download CSV' }).click();
  const alert = detail.participants.getByRole('alert');
  await expect(alert).toContainText('Could not load every participant', { timeout: 15_000 });
  await expect(alert).toContainText(/Request id: \S+/);
  await expect(detail.participants.getByText('100+ participants loaded', { exact: true })).toBeVisible();

  await control.clearFaults();
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Retry' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  expect(lines).toHaveLength(total + 1);
  const users = lines.slice(1).map((l) => l.split(',')[1] as string);
  // Natural order, descending: fan-149, fan-148, … fan-10, fan-9, … fan-0.
  expect(users).toEqual(Array.from({ length: total }, (_, i) => `fan-${total - 1 - i}`));
  await expect(detail.participants.getByRole('alert')).toHaveCount(0);
});
