// No double actions: a double click or a repeated Enter in any mutating dialog sends one request,
// even while IVS is slow to answer. Counted twice: as the browser sends them and in the emulator's request log.
import type { Locator, Page } from '@playwright/test';
import type { EmulatorControl } from '../fixtures/emulatorControl';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import type { RequestRecorder } from '../fixtures/requestRecorder';
import { expect, test } from '../fixtures/test';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

/** Slow enough that every extra click and Enter lands while the first request is still in flight. */
const LATENCY_MS = 1500;

/** Two clicks in the same tick: before React can re-render, so only the app's own lock stands in the way. */
async function clickTwiceAtOnce(button: Locator): Promise<void> {
  await button.evaluate((b) => {
    const el = b as unknown as { click(): void };
    el.click();
    el.click();
  });
}

/** Runs `act` with `operation` slowed down, waits for `done`, then expects exactly one request from the browser and in the log. */
async function expectOneRequest(
  control: EmulatorControl,
  requests: RequestRecorder,
  operation: string,
  act: () => Promise<void>,
  done: () => Promise<void>,
): Promise<void> {
  await control.setFaults([{ operation, latencyMs: LATENCY_MS }]);
  const before = (await control.requestLog()).lastSeq;
  requests.reset();
  await act();
  await done();
  // Every request the browser sent went out before the first answer came back, so the count is final here.
  expect(requests.count(operation), `${operation} requests sent by the browser`).toBe(1);
  const logged = async () => (await control.requestLog(before)).entries.filter((e) => e.operation === operation).map((e) => e.status);
  await expect.poll(logged, { message: `${operation} in the emulator's log` }).toEqual([200]);
  await control.clearFaults();
}

async function pressEnterTwice(page: Page, target: Locator): Promise<void> {
  await target.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
}

test('a double click or a repeated Enter creates one stage and deletes one stage', async ({ signedInPage: page, control, requests }) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  const base = `e2e-twice-${Date.now().toString(36)}`;
  const createDialog = page.getByRole('dialog', { name: 'Create stage' });
  const deleteDialog = page.getByRole('dialog', { name: 'Delete stage?' });

  for (const [name, how] of [[`${base}-click`, 'click'], [`${base}-enter`, 'enter']] as const) {
    await list.createButton.click();
    await createDialog.getByLabel('Name').fill(name);
    await expectOneRequest(
      control,
      requests,
      'CreateStage',
      () => (how === 'click' ? clickTwiceAtOnce(createDialog.getByRole('button', { name: 'Create stage' })) : pressEnterTwice(page, createDialog.getByLabel('Name'))),
      async () => {
        await expect(createDialog.getByRole('button', { name: 'Saving…' })).toBeDisabled();
        await expect(createDialog).toBeHidden();
      },
    );
    await list.filterByName(name);
    await expect(list.row(name)).toHaveCount(1);

    await page.getByRole('button', { name: `Delete stage ${name}` }).click();
    const confirm = deleteDialog.getByRole('button', { name: 'Delete stage' });
    await expectOneRequest(
      control,
      requests,
      'DeleteStage',
      () => (how === 'click' ? clickTwiceAtOnce(confirm) : pressEnterTwice(page, confirm)),
      async () => {
        await expect(deleteDialog.getByRole('button', { name: 'Working…' })).toBeDisabled();
        await expect(deleteDialog).toBeHidden();
      },
    );
    await expect(list.row(name)).toHaveCount(0);
  }
});

test('a double click or a repeated Enter mints one token and disconnects one participant', async ({ signedInPage: page, ivs, control, stage, requests }) => {
  const first = await joinParticipant(ivs, control, stage.arn, { userId: 'first' });
  const second = await joinParticipant(ivs, control, stage.arn, { userId: 'second' });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(second.participantId)).toBeVisible();
  const tokenDialog = page.getByRole('dialog', { name: 'Create participant token' });
  const disconnectDialog = page.getByRole('dialog', { name: 'Disconnect participant?' });

  for (const [participant, how] of [[first, 'click'], [second, 'enter']] as const) {
    await page.getByRole('button', { name: 'Create participant token' }).click();
    await tokenDialog.getByLabel('User id').fill(`minted-${how}`);
    await expectOneRequest(
      control,
      requests,
      'CreateParticipantToken',
      () => (how === 'click' ? clickTwiceAtOnce(tokenDialog.getByRole('button', { name: 'Create token' })) : pressEnterTwice(page, tokenDialog.getByLabel('User id'))),
      async () => {
        await expect(tokenDialog.getByRole('button', { name: 'Creating…' })).toBeDisabled();
        await expect(tokenDialog.getByLabel('Participant token')).toHaveValue(/\S+\.\S+\.\S+/);
      },
    );
    await tokenDialog.getByRole('button', { name: 'Done' }).click();

    await detail.participants.getByRole('button', { name: `Disconnect ${participant.participantId}` }).click();
    const reason = disconnectDialog.getByLabel(/Reason/);
    await reason.fill(`twice by ${how}`);
    await expectOneRequest(
      control,
      requests,
      'DisconnectParticipant',
      () => (how === 'click' ? clickTwiceAtOnce(disconnectDialog.getByRole('button', { name: 'Disconnect' })) : pressEnterTwice(page, reason)),
      async () => {
        await expect(disconnectDialog.getByRole('button', { name: 'Working…' })).toBeDisabled();
        await expect(disconnectDialog).toBeHidden();
      },
    );
    await expect(detail.participantRow(participant.participantId)).toContainText('Disconnected');
  }
});
