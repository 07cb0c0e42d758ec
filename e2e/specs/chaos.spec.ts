// The "chaos" project: the main journeys while the emulator throttles 30 % of calls, fails 10 % with a 5xx and
// adds 2 s to every call (seeded). Every journey must complete, and the request log must show exactly one
// successful StartParticipantReplication per submitted form.
import type { Page } from '@playwright/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { expect, test } from '../fixtures/test';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

const CHAOS = [{ throttleRate: 0.3, errorRate: 0.1, latencyMs: 2000 }];
const SEED = 20260606;

/** Submits the form once; if IVS says it did not start (after checking), presses Try again, as a user would. */
async function submitUntilSettled(page: Page, form: ReplicationPage): Promise<number> {
  let submitted = 1;
  await form.submit.click();
  // Success lands on the source participant, or on the destination stage if the session was not known yet.
  const landed = new ParticipantPage(page).heading.or(new StageDetailPage(page).heading);
  const tryAgain = page.getByRole('button', { name: 'Try again' });
  const checkAgain = page.getByRole('button', { name: 'Check again' });
  for (let i = 0; i < 6; i++) {
    await expect(landed.or(tryAgain).or(checkAgain).or(page.getByText('Replication is running.'))).toBeVisible({ timeout: 90_000 });
    if (await landed.isVisible()) return submitted;
    if (await page.getByText('Replication is running.').isVisible()) return submitted;
    if (await checkAgain.isVisible()) await checkAgain.click();
    else {
      await tryAgain.click();
      submitted += 1;
    }
  }
  throw new Error('replication never settled');
}

test('browse, inspect, replicate and stop all complete while IVS throttles, fails and is slow', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'chaos-host', publish: true });
  await joinParticipant(ivs, control, otherStage.arn, { userId: 'chaos-viewer' });
  await control.setFaults(CHAOS, SEED);
  const before = (await control.requestLog()).lastSeq;

  // Browse: the stage list, filtered to our stage, then the stage.
  const list = new StageListPage(page);
  await page.goto(`/regions/${REGION}/stages`);
  await expect(list.heading).toBeVisible();
  await list.filterByName(stage.name);
  await list.openStage(stage.name);
  const detail = new StageDetailPage(page);
  await expect(detail.heading).toBeVisible();

  // Inspect: the publishing participant.
  await detail.openParticipant(host.participantId);
  const participant = new ParticipantPage(page);
  await expect(participant.heading).toContainText(host.participantId);
  await expect(participant.field('User id')).toHaveText('chaos-host');

  // Replicate: from the participant's replica list, into the other stage.
  await participant.replicas.getByRole('link', { name: 'Replicate to another stage' }).click();
  const form = new ReplicationPage(page);
  await expect(form.heading).toBeVisible();
  await expect(form.participant).toHaveValue(host.participantId);
  await form.destination.fill(otherStage.arn);
  const submitted = await submitUntilSettled(page, form);

  // Stop: from the source participant page.
  await participant.open(REGION, stage.arn, host.sessionId, host.participantId);
  await expect(participant.replicas.getByRole('row').filter({ hasText: 'Active' })).toHaveCount(1);
  const otherId = otherStage.arn.split('/')[1] as string;
  await participant.replicas.getByRole('button', { name: new RegExp(`Stop replication of .* to ${otherId}`) }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop replication?' });
  for (let i = 0; i < 4 && (await dialog.isVisible()); i++) {
    await dialog.getByRole('button', { name: 'Stop replication' }).click();
    await expect(dialog.getByRole('button', { name: 'Stop replication' }).or(dialog.getByRole('alert'))).toBeVisible({ timeout: 90_000 }).catch(() => undefined);
  }
  await expect(dialog).toBeHidden();
  await expect(participant.replicas.getByRole('row').filter({ hasText: 'Stopped' })).toHaveCount(1);

  await control.clearFaults();
  const log = (await control.requestLog(before)).entries;
  const starts = log.filter((e) => e.operation === 'StartParticipantReplication');
  expect(starts.filter((e) => e.status === 200), `one successful start for ${submitted} submit(s): ${starts.map((e) => e.status).join(',')}`).toHaveLength(1);
  // The faults really were there.
  expect(log.some((e) => e.status === 429)).toBe(true);
});
