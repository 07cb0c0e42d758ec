// The emulator restarts while the console is open: with a data file nothing is lost, and the open
// page keeps its last data, says it cannot reach the service, and recovers by itself without a reload.
import { ListParticipantReplicasCommand, StartParticipantReplicationCommand } from '@aws-sdk/client-ivs-realtime';
import { PRODUCER, signIn, userBox } from '../fixtures/auth';
import { aimAppAt, createChildEmulator, OWN_EMULATOR, type ChildEmulator } from '../fixtures/childEmulator';
import { createTestStage, joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { expect, test } from '../fixtures/test';
import { StageDetailPage } from '../pages/StageDetailPage';

/** The stage view polls every 3 s; a couple of intervals plus the SDK's and react-query's retries. */
const RECOVERY_MS = 12_000;

// The app talks to an emulator on a port the served CSP does not name (see aimAppAt).
test.use({ bypassCSP: true });

let emulator: ChildEmulator | undefined;

test.afterEach(async () => {
  await emulator?.dispose();
  emulator = undefined;
});

test('an emulator restart mid-journey loses nothing, and the open stage page recovers by itself', { tag: OWN_EMULATOR }, async ({ page }) => {
  const em = await createChildEmulator();
  emulator = em;
  await em.start();
  const { ivs, control } = em;
  const source = await createTestStage(ivs, 'restart-source');
  const destination = await createTestStage(ivs, 'restart-destination');
  const destinationId = destination.arn.split('/')[1] as string;
  const host = await joinParticipant(ivs, control, source.arn, { userId: 'host', publish: true });
  await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: source.arn, destinationStageArn: destination.arn, participantId: host.participantId }));

  await aimAppAt(page, em.url);
  await signIn(page, PRODUCER, '/signed-in');
  const detail = new StageDetailPage(page);
  await detail.open(REGION, source.arn);
  const hostRow = detail.participantRow(host.participantId);
  const replicationRow = detail.replication.getByRole('row').filter({ hasText: destinationId });
  await expect(hostRow).toContainText('On air');
  await expect(replicationRow).toContainText('Active');
  const stale = page.getByRole('status').filter({ hasText: 'Showing data from' });

  // 1. The emulator shuts down: the page keeps the last data and says why it is not fresh.
  await em.stop('SIGTERM');
  await expect(stale.first()).toContainText(/refresh failed: Could not reach the service\..*Greenroom keeps trying/, { timeout: RECOVERY_MS });
  await expect(detail.heading).toHaveText('Stage restart-source');
  await expect(hostRow).toContainText('On air');
  await expect(replicationRow).toContainText('Active');
  await page.screenshot({ path: 'test-results/restart-unreachable.png' });

  // Back on the same port with the same data file: the page recovers on its own, with everything still there.
  await em.start();
  await expect(stale).toHaveCount(0, { timeout: RECOVERY_MS });
  await expect(hostRow).toContainText('On air');
  await expect(replicationRow).toContainText('Active');
  await expect(userBox(page)).toContainText(PRODUCER.username);

  // 2. A change after the restart works, with one request; the emulator is killed the moment it has answered.
  const stops: string[] = [];
  page.on('request', (r) => {
    if (r.url() === `${em.url}/StopParticipantReplication`) stops.push(r.method());
  });
  const before = (await control.requestLog()).lastSeq;
  await replicationRow.getByRole('button', { name: /^Stop replication of/ }).click();
  const answered = page.waitForResponse(`${em.url}/StopParticipantReplication`);
  await page.getByRole('dialog', { name: 'Stop replication?' }).getByRole('button', { name: 'Stop replication' }).click();
  expect((await answered).status()).toBe(200);
  const logged = (await control.requestLog(before)).entries.filter((e) => e.operation === 'StopParticipantReplication');
  await em.stop('SIGKILL');
  expect(stops).toEqual(['POST']);
  expect(logged.map((e) => e.status)).toEqual([200]);

  // A hard kill leaves a data file that loads (written whole or not at all), and an answered change is in it.
  const refreshed = page.waitForResponse((r) => r.url() === `${em.url}/ListParticipantReplicas` && r.ok(), { timeout: RECOVERY_MS });
  await em.start();
  const replicas = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: source.arn, participantId: host.participantId }));
  expect(replicas.replicas?.map((r) => r.replicationState)).toEqual(['STOPPED']);
  await refreshed;
  await expect(replicationRow).toContainText('Stopped');
  await expect(stale).toHaveCount(0, { timeout: RECOVERY_MS });
  await expect(hostRow).toContainText('On air');
  expect(stops).toEqual(['POST']);
});
