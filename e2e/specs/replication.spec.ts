import { expect, test } from '../fixtures/test';
import { PRODUCER, signIn } from '../fixtures/auth';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';

const POLL_MS = 3000;

test('a producer replicates a publisher into another stage, sees the replica appear, then stops it', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host', publish: true });
  // The destination is live too, so its stage page is already polling when the replica arrives.
  await joinParticipant(ivs, control, otherStage.arn, { userId: 'dest-viewer' });

  // One tab watches the destination stage; the producer works in a second tab.
  const dest = new StageDetailPage(page);
  await dest.open(REGION, otherStage.arn);
  await expect(dest.participants.getByRole('row')).toHaveCount(2);
  const producer = await page.context().newPage();
  // Tokens live in each tab's sessionStorage: the new tab signs in (silently, with the login session cookie).
  await signIn(producer, PRODUCER, '/signed-in');

  const form = new ReplicationPage(producer);
  await form.open(REGION);
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn, window: '30' });
  await form.addAttribute('role', 'guest');
  await form.submit.click();

  // The producer lands on the source participant, whose replica list shows the new replica.
  const source = new ParticipantPage(producer);
  await expect(source.heading).toContainText(host.participantId);
  await expect(source.replicas.getByRole('row').filter({ hasText: 'Active' })).toHaveCount(1);

  // The watching tab shows the replica within one poll interval, without a reload.
  await expect(dest.participantRow(host.participantId)).toContainText('Replica, Active', { timeout: POLL_MS + 1000 });
  await expect(dest.replication.getByRole('row').filter({ hasText: host.participantId })).toContainText('Active');

  // The source stage lists the replication going out.
  const otherId = otherStage.arn.split('/')[1] as string;
  const sourceStage = new StageDetailPage(producer);
  await sourceStage.open(REGION, stage.arn);
  await expect(sourceStage.replication.getByRole('row').filter({ hasText: otherId })).toContainText('Active');
  await producer.goBack();

  // Stop it from the source participant page; both sides show Stopped.
  await source.stopReplicationTo(otherStage.arn.split('/')[1] as string);
  await expect(source.replicas.getByRole('row').filter({ hasText: 'Stopped' })).toHaveCount(1);
  await expect(dest.participantRow(host.participantId)).toContainText('Replica, Stopped', { timeout: POLL_MS + 1000 });
  await producer.close();
});

test('invalid replication input is blocked with messages and no request is sent', async ({ signedInPage: page, control, requests, stage }) => {
  const form = new ReplicationPage(page);
  await form.open(REGION);
  const before = (await control.requestLog()).lastSeq;

  await form.source.fill(stage.arn);
  await form.destination.fill(stage.arn);
  await form.reconnectWindow.fill('301');
  await form.addAttribute('big', 'x'.repeat(1100));
  await expect(page.getByText(/1103 of 1024 bytes used/)).toBeVisible();
  await form.submit.click();

  await expect(form.errorOf(form.destination)).toHaveText(/different stage/);
  await expect(form.errorOf(form.reconnectWindow)).toHaveText(/0 to 300/);
  await expect(form.errorOf(form.participant)).toHaveText(/Choose the publishing participant/);
  await expect(page.getByText(/the limit is 1024 bytes/)).toBeVisible();

  expect(requests.count('StartParticipantReplication')).toBe(0);
  const log = await control.requestLog(before);
  expect(log.entries.filter((e) => e.operation === 'StartParticipantReplication')).toEqual([]);
});

test('a replication the service refuses shows its reason on the form', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'quitter', publish: true });
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
  // The publisher stops before the producer submits: IVS refuses, and the form says why.
  await control.unpublish({ stageArn: stage.arn, participantId: host.participantId });
  await form.submit.click();
  await expect(form.errorOf(form.participant)).toHaveText(/IVS rejected this: .*not publishing/);
  await expect(page.getByText(/Request id: \S+/)).toBeVisible();
  // What the producer typed is kept, ready for another try.
  await expect(form.destination).toHaveValue(otherStage.arn);
});
