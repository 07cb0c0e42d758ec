import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

test('tables read well: actions line up, a short list is not trapped, the filter box finds a participant by id or user id', async ({ signedInPage: page, ivs, control, stage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'tables-host', publish: true });
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: 'tables-guest' });

  // The stage list's Actions cell sits in its row, level with the row's other cells.
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  const row = list.row(stage.name);
  const [rowBox, editBox] = [await row.boundingBox(), await row.getByRole('button', { name: /^Edit stage/ }).boundingBox()];
  expect(rowBox && editBox && editBox.y >= rowBox.y && editBox.y + editBox.height <= rowBox.y + rowBox.height).toBe(true);

  // At phone width the short participant table scrolls sideways inside its region, never up and down.
  await page.setViewportSize({ width: 390, height: 844 });
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  const region = page.getByRole('region', { name: 'Participant table' });
  await expect(detail.participantRow(guest.participantId)).toBeVisible();
  const box = await region.evaluate((el) => {
    const e = el as unknown as { scrollHeight: number; clientHeight: number; scrollWidth: number; clientWidth: number };
    return { sh: e.scrollHeight, ch: e.clientHeight, sw: e.scrollWidth, cw: e.clientWidth };
  });
  expect(box.sw).toBeGreaterThan(box.cw);
  expect(box.sh).toBeLessThanOrEqual(box.ch);

  // The filter box: a user id filters the table, a participant id opens that participant.
  const find = detail.participants.getByLabel('Participant id or user id');
  await find.fill('tables-guest');
  await detail.participants.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page).toHaveURL(/filter=userId%3Atables-guest|filter=userId:tables-guest/);
  await expect(detail.participantRow(guest.participantId)).toBeVisible();
  await expect(detail.participantRow(host.participantId)).toHaveCount(0);
  await detail.participants.getByLabel('Participant id or user id').fill(host.participantId);
  await detail.participants.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Participant ${host.participantId}`);
});
