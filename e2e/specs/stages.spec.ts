import { expect, test } from '../fixtures/test';
import { createTestStage, deleteTestStage, joinParticipant, REGION, type TestStage } from '../fixtures/ivsAdmin';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

test('an operator finds a live stage and sees who is publishing', async ({ signedInPage: page, ivs, control, stage, requests }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host-1', publish: true });
  await joinParticipant(ivs, control, stage.arn, { userId: 'viewer-1' });

  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  const row = list.row(stage.name);
  await expect(row).toContainText('Live');
  await expect(row).toContainText(host.sessionId);
  await expect(row.getByRole('cell').nth(3)).toHaveText('2');
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');
  // One request per need: the list and each live stage's counts are fetched once, not once per render.
  expect(requests.count('ListStages')).toBe(1);
  expect(requests.count('ListParticipants')).toBe(1);

  await list.openStage(stage.name);
  const detail = new StageDetailPage(page);
  await expect(detail.heading).toHaveText(`Stage ${stage.name}`);
  await expect(detail.participantRow(host.participantId)).toContainText('On air');
  await expect(detail.participantRow(host.participantId)).toContainText('host-1');

  await detail.showOnly('Have published');
  await expect(page).toHaveURL(/filter=published/);
  await expect(detail.participants.getByRole('row')).toHaveCount(2); // header + the host
});

test('an operator creates, renames, filters by tag and deletes a stage', async ({ signedInPage: page }) => {
  const name = `e2e-crud-${Date.now().toString(36)}`;
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.createStage(name, { key: 'team', value: 'crud' });
  await list.filterByName(name);
  await expect(list.row(name)).toContainText('team=crud');

  await list.renameStage(name, `${name}-b`);
  await list.filterByName(`${name}-b`);
  await expect(list.row(`${name}-b`)).toBeVisible();

  await list.nameFilter.fill('');
  await list.tagFilter.fill('team=crud');
  await expect(list.row(`${name}-b`)).toBeVisible();

  await list.deleteStage(`${name}-b`);
  await expect(list.row(`${name}-b`)).toHaveCount(0);
});

test('a stage name with spaces is refused before any request is sent', async ({ signedInPage: page, requests }) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.createButton.click();
  const dialog = page.getByRole('dialog', { name: 'Create stage' });
  await dialog.getByLabel('Name').fill('has spaces');
  await dialog.getByRole('button', { name: 'Create stage' }).click();
  await expect(dialog.getByText(/no spaces/)).toBeVisible();
  expect(requests.count('CreateStage')).toBe(0);
});

test('an operator mints a participant token that is shown once and then joins with it', async ({ signedInPage: page, control, stage }) => {
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  const token = await detail.createToken('token-user');
  const joined = await control.join({ token });
  await expect(detail.participantRow(joined.participantId)).toContainText('token-user', { timeout: 10_000 });
  await expect(page.getByLabel('Participant token')).toHaveCount(0);
});

test('an operator disconnects a participant with a reason and sees it drop', async ({ signedInPage: page, ivs, control, stage }) => {
  const p = await joinParticipant(ivs, control, stage.arn, { userId: 'noisy', publish: true });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(p.participantId)).toContainText('Connected');
  // The dialog offers the CLI equivalent, reason included, as the reason is typed.
  await detail.participants.getByRole('button', { name: `Disconnect ${p.participantId}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect participant?' });
  await dialog.getByLabel(/Reason/).fill('spamming chat');
  await dialog.getByText('AWS CLI equivalent').click();
  await expect(dialog.getByLabel('CLI command for DisconnectParticipant')).toHaveText(
    `aws ivs-realtime disconnect-participant --region ${REGION} --endpoint-url http://127.0.0.1:4599 --stage-arn ${stage.arn} --participant-id ${p.participantId} --reason 'spamming chat'`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await detail.disconnect(p.participantId, 'spamming chat');
  await expect(detail.participantRow(p.participantId)).toContainText('Disconnected');
});

test('an operator sorts the stage list by name and by live session, and a reload keeps the order', async ({ signedInPage: page, ivs, control }) => {
  const prefix = `e2e-sort-${Date.now().toString(36)}`;
  const [b, a10, a9] = [`${prefix}-b`, `${prefix}-a10`, `${prefix}-a9`];
  const made: TestStage[] = [];
  try {
    for (const name of [b, a10, a9]) made.push(await createTestStage(ivs, name));
    await joinParticipant(ivs, control, (made[0] as TestStage).arn, { userId: 'live-host' }); // only "-b" is live
    const list = new StageListPage(page);
    await list.open(REGION);
    await list.filterByName(prefix);
    await expect.poll(() => list.shownNames()).toHaveLength(3);
    await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'none');

    await list.sortBy('Name');
    await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => list.shownNames()).toEqual([a9, a10, b]); // digits compare as numbers
    await list.sortBy('Name');
    await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => list.shownNames()).toEqual([b, a10, a9]);
    await expect(page).toHaveURL(/[?&]sort=-name(&|$)/);

    await page.reload();
    await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending');
    await expect(list.nameFilter).toHaveValue(prefix);
    await expect.poll(() => list.shownNames()).toEqual([b, a10, a9]);

    await list.sortBy('Live session');
    await expect(list.columnHeader('Live session')).toHaveAttribute('aria-sort', 'ascending');
    await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'none');
    await expect.poll(async () => (await list.shownNames())[0]).toBe(b);
  } finally {
    for (const s of made) await deleteTestStage(ivs, s.arn);
  }
});

test('when refreshes of the stage list fail, the rows stay and a banner says how old they are', async ({ signedInPage: page, control, stage }) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  await expect(list.row(stage.name)).toBeVisible();

  await control.setFaults([{ operation: 'ListStages', errorRate: 1 }]);
  const banner = page.getByRole('status').filter({ hasText: 'Showing data from' });
  await expect(banner).toContainText(/Showing data from \d+ s ago — refresh failed: /, { timeout: 20_000 });
  await expect(banner).toContainText(/Request id: \S+/);
  await expect(list.row(stage.name)).toBeVisible();
  await page.screenshot({ path: 'test-results/stage-list-stale-banner.png' });

  await control.clearFaults();
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
});
