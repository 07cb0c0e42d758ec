import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ReplicationPage } from '../pages/ReplicationPage';

const idOf = (arn: string): string => arn.split('/')[1] as string;

test('stages appear by name with their id beside it; the pickers take names, filters and pasted ARNs', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host-names', publish: true });

  // The participant page's breadcrumb names the stage, with its id as secondary text.
  await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stage.arn)}/sessions/${host.sessionId}/participants/${host.participantId}`);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs).toContainText(stage.name);
  await expect(crumbs).toContainText(idOf(stage.arn));

  // The replication form: a pasted ARN reads back as the stage's name; a typed name becomes the ARN.
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.source.fill(stage.arn);
  await expect(page.getByText(`Stage ${stage.name} ${idOf(stage.arn)}.`)).toBeVisible();
  await form.destination.fill(otherStage.name);
  await form.destination.blur();
  await expect(form.destination).toHaveValue(otherStage.arn);
  await expect(page.getByText(`Stage ${otherStage.name} ${idOf(otherStage.arn)}.`)).toBeVisible();

  // Fan-out: filter the stage picker by name and tick it; the ARN joins the destination list.
  const picker = page.getByRole('group', { name: 'Pick destination stages' });
  await picker.getByLabel('Filter stages by name or id').fill(otherStage.name);
  await expect(picker.getByRole('checkbox')).toHaveCount(1);
  await picker.getByRole('checkbox', { name: new RegExp(otherStage.name) }).check();
  await expect(page.getByLabel('Fan-out destinations')).toHaveValue(otherStage.arn);
  // The source is not offered as a destination.
  await picker.getByLabel('Filter stages by name or id').fill(stage.name);
  await expect(picker.getByRole('checkbox', { name: new RegExp(`^${stage.name} `) })).toHaveCount(0);
});
