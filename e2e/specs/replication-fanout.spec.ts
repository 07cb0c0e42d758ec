import { expect, test } from '../fixtures/test';
import { PRODUCER, signIn } from '../fixtures/auth';
import { createTestStage, deleteTestStage, joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ReplicationPage } from '../pages/ReplicationPage';

const POLL_MS = 3000;
const idOf = (arn: string): string => arn.split('/')[1] as string;

test('fan-out into three stages: two start, a full stage fails and is retried alone once fixed', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  test.setTimeout(60_000);
  const third = await createTestStage(ivs, `e2e-fan-${Date.now().toString(36)}`);
  const full = await createTestStage(ivs, `e2e-full-${Date.now().toString(36)}`);
  try {
    const host = await joinParticipant(ivs, control, stage.arn, { userId: 'fan-host', publish: true });
    // The third destination is really full: 12 publishers, so IVS answers ServiceQuotaExceededException there only.
    const crowd = [];
    for (let i = 0; i < 12; i++) crowd.push(await joinParticipant(ivs, control, full.arn, { userId: `crowd-${i}`, publish: true }));

    const form = new ReplicationPage(page);
    await form.open(REGION);
    await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
    await page.getByLabel('Fan-out destinations').fill([otherStage.arn, full.arn, third.arn].join('\n'));
    const before = (await control.requestLog()).lastSeq;
    await page.getByRole('button', { name: 'Start in all destinations' }).click();

    const results = page.getByRole('table', { name: 'Fan-out results' });
    await expect(page.getByText('2 of 3 replicating; 1 failed.')).toBeVisible();
    await expect(results.getByRole('row').filter({ hasText: idOf(otherStage.arn) })).toContainText('Started');
    await expect(results.getByRole('row').filter({ hasText: idOf(third.arn) })).toContainText('Started');
    const failedRow = results.getByRole('row').filter({ hasText: idOf(full.arn) });
    await expect(failedRow).toContainText('Failed');
    await expect(failedRow).toContainText('12 publishers');
    await expect(failedRow).toContainText('Safe to retry');

    let starts = (await control.requestLog(before)).entries.filter((e) => e.operation === 'StartParticipantReplication');
    expect(starts.map((e) => e.status).sort()).toEqual([200, 200, 402]);

    // Fix the cause (one publisher leaves the full stage), then retry just the failed destination.
    const leaving = crowd[0];
    if (!leaving) throw new Error('no crowd');
    await control.leave({ stageArn: full.arn, participantId: leaving.participantId });
    const beforeRetry = (await control.requestLog()).lastSeq;
    await page.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect(page.getByText('3 of 3 replicating.')).toBeVisible();
    await expect(failedRow).toContainText('Started');
    starts = (await control.requestLog(beforeRetry)).entries.filter((e) => e.operation === 'StartParticipantReplication');
    expect(starts.map((e) => e.status)).toEqual([200]);
    await expect(page.getByRole('button', { name: /Retry failed/ })).toHaveCount(0);
  } finally {
    await deleteTestStage(ivs, third.arn);
    await deleteTestStage(ivs, full.arn);
  }
});

test('an armed replication can be cancelled, survives a reload, and starts exactly once when the participant publishes', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  test.setTimeout(60_000);
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: 'late-guest' });
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.source.fill(stage.arn);
  await form.destination.fill(otherStage.arn);
  const armInput = page.getByLabel('Participant to arm');
  const armed = page.getByRole('listitem', { name: `Armed replication ${guest.participantId} → ${idOf(otherStage.arn)}` });
  const before = (await control.requestLog()).lastSeq;

  // Arm, then cancel: it is gone, and stays gone after a reload.
  await armInput.fill(guest.participantId);
  await page.getByRole('button', { name: 'Arm replication' }).click();
  await expect(armed).toContainText('Armed');
  await expect(armed).toContainText(/waiting since/);
  await armed.getByRole('button', { name: /Cancel armed replication/ }).click();
  await expect(armed).toHaveCount(0);
  await page.reload();
  await expect(form.heading).toBeVisible();
  await expect(armed).toHaveCount(0);

  // Arm again; the countdown to the next check shows, and the arming survives a reload.
  await form.source.fill(stage.arn);
  await form.destination.fill(otherStage.arn);
  await armInput.fill(guest.participantId);
  await page.getByRole('button', { name: 'Arm replication' }).click();
  await expect(armed).toContainText('Armed');
  await expect(armed.getByRole('timer')).toHaveText(/Next check in \d+ s|Checking now/, { timeout: POLL_MS + 2000 });
  await page.reload();
  await expect(armed).toContainText('Armed');
  await expect(armed).toContainText(/waiting since/);
  // Nothing started while the participant only watched.
  let starts = (await control.requestLog(before)).entries.filter((e) => e.operation === 'StartParticipantReplication');
  expect(starts).toEqual([]);

  // The participant publishes: the replication starts within one check.
  await control.publish({ stageArn: stage.arn, participantId: guest.participantId });
  await expect(armed).toContainText('Started', { timeout: POLL_MS + 3000 });
  // Several more poll intervals: no second start.
  await page.waitForTimeout(2 * POLL_MS);
  starts = (await control.requestLog(before)).entries.filter((e) => e.operation === 'StartParticipantReplication');
  expect(starts.map((e) => e.status)).toEqual([200]);
  // And a reload does not start it again.
  await page.reload();
  await expect(armed).toContainText('Started');
  await page.waitForTimeout(POLL_MS);
  starts = (await control.requestLog(before)).entries.filter((e) => e.operation === 'StartParticipantReplication');
  expect(starts.map((e) => e.status)).toEqual([200]);
});

test('two tabs armed for the same replication start it once, and both then show it running', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  test.setTimeout(45_000);
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: 'two-tab-guest' });
  // A second tab of the same browser: its own sessionStorage (so its own sign-in and armings), the shared
  // localStorage lease that decides which tab starts.
  const second = await page.context().newPage();
  try {
    await signIn(second, PRODUCER, '/signed-in');
    const tabs = [page, second];
    for (const tab of tabs) {
      const form = new ReplicationPage(tab);
      await form.open(REGION);
      await form.source.fill(stage.arn);
      await form.destination.fill(otherStage.arn);
      await tab.getByLabel('Participant to arm').fill(guest.participantId);
      await tab.getByRole('button', { name: 'Arm replication' }).click();
    }
    const armed = tabs.map((tab) => tab.getByRole('listitem', { name: `Armed replication ${guest.participantId} → ${idOf(otherStage.arn)}` }));
    for (const item of armed) await expect(item).toContainText('Armed');
    const before = (await control.requestLog()).lastSeq;

    await control.publish({ stageArn: stage.arn, participantId: guest.participantId });
    for (const item of armed) await expect(item).toContainText('Started', { timeout: 3 * POLL_MS + 3000 });
    // One tab started it; the other stood down (the lease) or, had both raced past it, met IVS's Conflict and
    // confirmed the replica: either way "running", never a failure.
    const texts = await Promise.all(armed.map((item) => item.innerText()));
    expect(texts.filter((t) => t.includes('when the participant began publishing'))).toHaveLength(1);
    expect(texts.filter((t) => /by another tab of yours|Already replicating/.test(t))).toHaveLength(1);
    for (const item of armed) await expect(item).not.toContainText('Failed');

    // More checks go by in both tabs: still exactly one successful start.
    await page.waitForTimeout(2 * POLL_MS);
    const starts = (await control.requestLog(before)).entries.filter((e) => e.operation === 'StartParticipantReplication');
    expect(starts.filter((e) => e.status === 200)).toHaveLength(1);
    expect(starts.filter((e) => e.status !== 200 && e.status !== 409)).toEqual([]);
  } finally {
    await second.close();
  }
});
