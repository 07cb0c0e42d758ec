// No double actions, and no blind retries of StartParticipantReplication: the emulator's request
// log must show exactly one successful Start per replication, whatever the user or the network does.
import type { Page, Route } from '@playwright/test';
import { PRODUCER, signIn } from '../fixtures/auth';
import type { EmulatorControl } from '../fixtures/emulatorControl';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { expect, test } from '../fixtures/test';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';

async function startsSince(control: EmulatorControl, since: number): Promise<number[]> {
  const log = await control.requestLog(since);
  return log.entries.filter((e) => e.operation === 'StartParticipantReplication').map((e) => e.status);
}

/** Answers the browser with a 500 while the request really reaches the emulator: the answer is lost, not the request. */
async function loseTheAnswer(route: Route): Promise<void> {
  const res = await route.fetch();
  await route.fulfill({
    response: res,
    status: 500,
    headers: { ...res.headers(), 'x-amzn-errortype': 'InternalServerException', 'content-type': 'application/json' },
    body: JSON.stringify({ exceptionMessage: 'The answer was lost on the way (test).' }),
  });
}

const startUrl = '**/StartParticipantReplication';
const listReplicasUrl = '**/ListParticipantReplicas';

test('a double click and repeated Enter start exactly one replication', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host', publish: true });
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
  // Slow the start down so every extra click and Enter lands while the first request is in flight.
  await control.setFaults([{ operation: 'StartParticipantReplication', latencyMs: 1500 }]);
  const before = (await control.requestLog()).lastSeq;

  await form.submit.dblclick();
  await expect(page.getByRole('button', { name: 'Starting…' })).toBeDisabled();
  await form.destination.press('Enter');
  await form.destination.press('Enter');

  await expect(new ParticipantPage(page).heading).toContainText(host.participantId, { timeout: 15_000 });
  expect(await startsSince(control, before)).toEqual([200]);
});

test('a second tab submitting the same replication is told it is already replicating, with a link', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host', publish: true });
  const second = await page.context().newPage();
  await signIn(second, PRODUCER, '/signed-in');
  const a = new ReplicationPage(page);
  const b = new ReplicationPage(second);
  for (const f of [a, b]) {
    await f.open(REGION);
    await f.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
  }
  const before = (await control.requestLog()).lastSeq;

  // Both tabs submit at (nearly) the same moment.
  await Promise.all([a.submit.click(), b.submit.click()]);
  const already = (p: Page) => p.getByRole('status').filter({ hasText: 'Already replicating.' });
  await expect.poll(async () => (await already(page).count()) + (await already(second).count()), { timeout: 15_000 }).toBe(1);
  const loser = (await already(page).count()) ? page : second;
  const other = loser === page ? second : page;
  await expect(new ParticipantPage(other).heading).toContainText(host.participantId);
  // The loser is not shown a failure, and gets a link to the replica.
  await expect(loser.getByText('Replication did not start')).toHaveCount(0);
  await already(loser).getByRole('link', { name: 'View the replica' }).click();
  await expect(new ParticipantPage(loser).heading).toContainText(host.participantId);

  const statuses = await startsSince(control, before);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s !== 200)).toEqual([409]);
  await second.close();
});

test('a Start whose answer is lost is confirmed from the replica list, and not sent as a new replication', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host', publish: true });
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
  const before = (await control.requestLog()).lastSeq;

  // The first attempt reaches IVS and starts the replication, but the browser sees a 500; the SDK retries it
  // and meets "already being replicated".
  let first = true;
  await page.route(startUrl, async (route) => {
    if (!first) return route.continue();
    first = false;
    return loseTheAnswer(route);
  });
  await form.submit.click();

  const running = page.getByRole('status').filter({ hasText: 'Replication is running.' });
  await expect(running).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Replication did not start')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Try again|Start replication/ })).toBeVisible();
  await running.getByRole('link', { name: 'View the replica' }).click();
  await expect(new ParticipantPage(page).heading).toContainText(host.participantId);

  const statuses = await startsSince(control, before);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses).toEqual([200, 409]);
});

test('when neither the start nor the check answers, the form offers Check again, then Try again once it knows', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host', publish: true });
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
  const before = (await control.requestLog()).lastSeq;

  await page.route(startUrl, (route) => route.abort('failed'));
  await page.route(listReplicasUrl, (route) => route.abort('failed'));
  await form.submit.click();

  const unknown = page.getByRole('alert').filter({ hasText: 'Not known whether replication started' });
  await expect(unknown).toBeVisible({ timeout: 30_000 });
  // No way to start it again while the state is unknown.
  await expect(page.getByRole('button', { name: /Try again|Start replication/ })).toHaveCount(0);

  await page.unroute(listReplicasUrl);
  await unknown.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByText('safe to try again')).toBeVisible();
  await page.unroute(startUrl);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(new ParticipantPage(page).heading).toContainText(host.participantId, { timeout: 15_000 });

  expect(await startsSince(control, before)).toEqual([200]);
});
