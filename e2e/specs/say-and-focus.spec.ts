import { ListStagesCommand, type IVSRealTimeClient } from '@aws-sdk/client-ivs-realtime';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { deleteTestStage, joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

// After every change the console says what happened, in one polite live region; dialogs take focus in and give it
// back; a failed submit takes focus to the field it is about; a skip link reaches a stage's participants.
// Screenshots of the notice and of a dialog, at phone and desktop size, light and dark, go to .test-output/screens.
const SCREENS = '.test-output/screens';
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 860 },
] as const;

async function screens(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SCREENS}/${name}-${size.name}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function stagesNamed(ivs: IVSRealTimeClient, name: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await ivs.send(new ListStagesCommand({ maxResults: 100, nextToken }));
    arns.push(...(out.stages ?? []).filter((s) => s.name === name).map((s) => s.arn ?? ''));
    nextToken = out.nextToken;
  } while (nextToken);
  return arns;
}

const uniqueName = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;

test('starting a replication says whose replica went into which stage, with a link to that stage', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host-maya.okafor', publish: true, attributes: { displayName: 'Maya Okafor' } });
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
  await form.submit.click();

  const notices = page.getByRole('status', { name: 'Notices' });
  await expect(notices).toContainText(`Replication of host-maya.okafor into ${otherStage.name} started.`);
  const link = notices.getByRole('link', { name: `Open stage ${otherStage.name}` });
  await expect(link).toHaveAttribute('href', new RegExp(`/stages/${encodeURIComponent(otherStage.arn)}$`));
  // Held while the pointer is on it, so the screenshots all show it.
  await notices.getByTestId('notice').hover();
  await screens(page, 'notice-replication-started');
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Stage ${otherStage.name}`);
  // Dismiss takes it away at once.
  await notices.getByRole('button', { name: /^Dismiss: Replication of host-maya.okafor/ }).click();
  await expect(notices.getByTestId('notice')).toHaveCount(0);
});

test('the create-stage dialog: focus on its first field, on the first invalid field after a failed submit, back on the opener, then a notice', async ({
  signedInPage: page,
  ivs,
  checkA11y,
}) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.createButton.click();
  const dialog = page.getByRole('dialog', { name: 'Create stage' });
  const name = dialog.getByLabel('Name');
  await expect(name).toBeFocused();
  await screens(page, 'dialog-create-stage');
  await checkA11y('say-and-focus-create-dialog');

  // The browser's own check: a space is not allowed. Focus goes back to the name, which says why.
  await name.fill('bad name');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await dialog.getByLabel('Tags key 1').fill('aws:team');
  await dialog.getByLabel('Tags value 1').fill('red');
  await dialog.getByRole('button', { name: 'Create stage' }).click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/no spaces/);

  // The service's check: aws: tag keys are reserved. Focus goes to the tag it refused.
  const stageName = uniqueName('say');
  await name.fill(stageName);
  await dialog.getByRole('button', { name: 'Create stage' }).click();
  const key = dialog.getByLabel('Tags key 1');
  await expect(key).toBeFocused();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAccessibleDescription(/reserved/);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');

  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list.createButton).toBeFocused();

  // Created: focus back on the opener, and the notice names the stage and links to it.
  await list.createButton.click();
  await expect(name).toBeFocused();
  await name.fill(stageName);
  await dialog.getByRole('button', { name: 'Create stage' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.createButton).toBeFocused();
  const notices = page.getByRole('status', { name: 'Notices' });
  await expect(notices).toContainText(`Stage ${stageName} created in ${REGION}.`);
  await expect(notices.getByRole('link', { name: `Open stage ${stageName}` })).toBeVisible();
  await notices.getByTestId('notice').hover();
  await screens(page, 'notice-stage-created');
  for (const arn of await stagesNamed(ivs, stageName)) await deleteTestStage(ivs, arn);
});

test('a create whose answer is lost says the stage may have been created, and Retry finds it instead of creating another', async ({
  signedInPage: page,
  ivs,
  control,
  requests,
}) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  const stageName = uniqueName('lost');
  // Every attempt runs and then answers 500: the stage exists, the app sees an error. The console sends a create
  // once (a second send after a lost answer would make a duplicate), so the rule's later failures are never reached.
  await control.setFaults([{ operation: 'CreateStage', after: true, failNext: 3 }]);
  await list.createButton.click();
  const dialog = page.getByRole('dialog', { name: 'Create stage' });
  await dialog.getByLabel('Name').fill(stageName);
  await dialog.getByRole('button', { name: 'Create stage' }).click();

  const unsure = dialog.getByRole('alert');
  await expect(unsure).toContainText('The stage may have been created');
  await expect(unsure).toContainText(`Retry will first look for a stage named ${stageName}`);
  await expect(unsure).toContainText('only create it if none exists');
  const retry = dialog.getByRole('button', { name: 'Retry: look, then create' });
  await expect(retry).toBeFocused();
  await checkDialogScreens(page);

  const made = await stagesNamed(ivs, stageName);
  expect(made).toHaveLength(1);
  expect(requests.count('CreateStage')).toBe(1);
  await control.clearFaults();
  const createsBefore = requests.count('CreateStage');
  await retry.click();
  await expect(dialog).toBeHidden();
  await expect(list.createButton).toBeFocused();

  // Retry looked (ListStages) and sent no CreateStage: no further duplicate.
  expect(requests.count('CreateStage')).toBe(createsBefore);
  expect((await stagesNamed(ivs, stageName)).sort()).toEqual([...made].sort());
  const notices = page.getByRole('status', { name: 'Notices' });
  await expect(notices).toContainText(
    `Stage ${stageName} was already created by the earlier attempt; nothing new was created.`,
  );
  for (const arn of made) await deleteTestStage(ivs, arn);
});

async function checkDialogScreens(page: Page): Promise<void> {
  await screens(page, 'dialog-create-stage-unsure');
}

test('confirmations open on Cancel and every dialog gives focus back to its opener', async ({ signedInPage: page, ivs, control, stage }) => {
  await joinParticipant(ivs, control, stage.arn, { userId: 'guest-focus', publish: true });
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  const del = page.getByRole('button', { name: `Delete stage ${stage.name}` });
  await del.click();
  const confirm = page.getByRole('dialog', { name: 'Delete stage?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(del).toBeFocused();

  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  const tokenButton = page.getByRole('button', { name: 'Create participant token' });
  await tokenButton.click();
  const token = page.getByRole('dialog', { name: 'Create participant token' });
  await expect(token.getByLabel('Publish')).toBeFocused();
  // A failed submit: the duration is out of range, so focus goes there.
  const duration = token.getByLabel('Duration (minutes)');
  await duration.fill('0');
  await token.getByRole('button', { name: 'Create token' }).click();
  await expect(duration).toBeFocused();
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await token.getByRole('button', { name: 'Cancel' }).click();
  await expect(token).toBeHidden();
  await expect(tokenButton).toBeFocused();

  const disconnect = detail.participants.getByRole('button', { name: /^Disconnect / });
  await disconnect.click();
  const dc = page.getByRole('dialog', { name: 'Disconnect participant?' });
  await expect(dc.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dc.getByRole('button', { name: 'Cancel' }).click();
  await expect(dc).toBeHidden();
  await expect(disconnect).toBeFocused();
});

test('a failed replication submit takes focus to the first field it is about', async ({ signedInPage: page, stage }) => {
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.submit.click();
  await expect(form.source).toBeFocused();
  await expect(form.source).toHaveAttribute('aria-invalid', 'true');
  await form.source.fill(stage.arn);
  await form.destination.fill(stage.arn);
  await form.submit.click();
  // The source is fine now; the participant (not chosen) comes next in the form.
  await expect(form.participant).toBeFocused();
  await expect(form.participant).toHaveAttribute('aria-invalid', 'true');
});

test('the skip link on a stage page takes keyboard focus to its participants', async ({ signedInPage: page, ivs, control, stage }) => {
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: 'guest-skip', publish: true });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(guest.participantId)).toBeVisible();
  const skip = page.getByRole('link', { name: 'Skip to participants' });
  // Reached by Tab from the top of the page, past the header.
  await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.());
  for (let i = 0; i < 20 && !(await skip.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  const target = page.getByRole('region', { name: /^Session st-/ });
  await expect(target).toBeFocused();
  await expect(target.getByRole('region', { name: 'Participant table' })).toBeVisible();
  // The next Tab continues inside the participants, not back at the top of the page.
  await page.keyboard.press('Tab');
  const insideParticipants = await page.evaluate(() => {
    const g = globalThis as unknown as { document: { activeElement: { closest(selector: string): unknown } | null } };
    return g.document.activeElement?.closest('#participants') != null;
  });
  expect(insideParticipants).toBe(true);
});
