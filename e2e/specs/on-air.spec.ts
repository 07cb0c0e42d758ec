import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

// IVS's `published` means "has published in this session", not "is publishing now". A guest who stopped must
// read as off air everywhere, and must not be offered as a source that is on air.
test('a participant who published then stopped reads "Has published · off air" everywhere', async ({ signedInPage: page, ivs, control, stage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host-on-air', publish: true });
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: 'guest-stopped', publish: true });
  await control.unpublish({ stageArn: stage.arn, participantId: guest.participantId });
  const viewer = await joinParticipant(ivs, control, stage.arn, { userId: 'viewer-only', capabilities: ['SUBSCRIBE'] });
  await control.subscribe({ stageArn: stage.arn, participantId: viewer.participantId, remoteParticipantId: host.participantId });

  // The counts: three connected, one on air now (the column is named for what it counts).
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  const row = list.row(stage.name);
  await expect(page.getByRole('columnheader', { name: 'On air now' })).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText('3');
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');
  await expect(row.getByRole('cell').nth(4).locator('[title]')).toHaveAttribute('title', /1 on air now; 1 has published · off air/);

  // The session table.
  await list.openStage(stage.name);
  const detail = new StageDetailPage(page);
  await expect(detail.participantColumn('On air now')).toBeVisible();
  await expect(detail.participantRow(host.participantId)).toContainText('On air');
  await expect(detail.participantRow(guest.participantId)).toContainText('Has published · off air');
  await expect(detail.participantRow(guest.participantId)).not.toContainText('On air');
  await expect(detail.participantRow(viewer.participantId)).toContainText('Never published');

  // The participant page: the flag for what it is, and on air now from the latest publish event.
  await detail.openParticipant(guest.participantId);
  const participant = new ParticipantPage(page);
  await expect(participant.field('On air now')).toContainText('Has published · off air');
  await expect(participant.field('On air now')).toContainText('stopped publishing');
  await expect(participant.field('Has published this session')).toContainText('Yes');

  // Publishing again puts the guest back on air (the page polls its events).
  await control.publish({ stageArn: stage.arn, participantId: guest.participantId });
  await expect(participant.field('On air now')).toContainText('On air (since', { timeout: 15_000 });
  await control.unpublish({ stageArn: stage.arn, participantId: guest.participantId });
  await expect(participant.field('On air now')).toContainText('Has published · off air', { timeout: 15_000 });

  // The replication form offers the host (on air) first and shows the guest disabled, with the reason.
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.source.fill(stage.arn);
  const options = form.participant.getByRole('option');
  await expect(options.nth(1)).toContainText(host.participantId);
  await expect(options.nth(1)).toContainText('on air');
  await expect(options.nth(1)).toBeEnabled();
  const guestOption = form.participant.getByRole('option', { name: new RegExp(guest.participantId) });
  await expect(guestOption).toContainText('has published · off air: stopped publishing');
  await expect(guestOption).toBeDisabled();
  await expect(form.participant.getByRole('option', { name: new RegExp(viewer.participantId) })).toHaveCount(0);
});
