import { TagResourceCommand } from '@aws-sdk/client-ivs-realtime';
import type { Locator } from '@playwright/test';
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

/** True when the element shows all of its content (nothing cut by an ellipsis or hidden overflow). */
const fits = (l: Locator) => l.evaluate((el) => {
  const e = el as unknown as { scrollWidth: number; clientWidth: number };
  return e.scrollWidth <= e.clientWidth + 1;
});

test('tags and session ids are whole where there is room, and whole on hover and focus where there is not; actions line up light and dark', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
}) => {
  await ivs.send(new TagResourceCommand({ resourceArn: stage.arn, tags: { team: 'sports-desk', tier: 'gold' } }));
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'whole-host', publish: true });
  const list = new StageListPage(page);
  await page.setViewportSize({ width: 1600, height: 900 });
  await list.open(REGION);
  await list.filterByName(stage.name);
  const row = list.row(stage.name);
  await expect(row.getByText(host.sessionId)).toBeVisible();
  const cells = row.getByRole('cell');
  const sessionCell = cells.filter({ hasText: host.sessionId });
  const tagsCell = cells.filter({ hasText: 'team=sports-desk' });
  expect(await fits(sessionCell), 'the live session id is not cut at desktop width').toBe(true);
  expect(await fits(tagsCell), 'three short tags are not cut at desktop width').toBe(true);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const rowBox = await row.boundingBox();
    for (const button of await row.getByRole('button').all()) {
      const b = await button.boundingBox();
      expect(rowBox && b && b.y >= rowBox.y - 0.5 && b.y + b.height <= rowBox.y + rowBox.height + 0.5, `${scheme}: an action button sits inside its row`).toBe(true);
    }
    await page.screenshot({ path: `.test-output/screens/tables-stage-list-desktop-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Narrower, the tags are cut, but the whole value is in the title (hover) and shown on focus.
  await page.setViewportSize({ width: 1024, height: 800 });
  const tags = tagsCell.locator('[tabindex="0"]');
  expect(await fits(tagsCell), 'at 1024 px the tags do not fit (else this part tests nothing)').toBe(false);
  await expect(tags).toHaveAttribute('title', /team=sports-desk/);
  await expect(tags).toHaveAttribute('title', /tier=gold/);
  await tags.focus();
  expect(await fits(tags), 'a focused tags cell shows every tag').toBe(true);
  const table = page.getByRole('region', { name: 'Stage table' });
  const [rowBox, tableBox, focusedBox] = [await row.boundingBox(), await table.boundingBox(), await tags.boundingBox()];
  expect(focusedBox && tableBox && focusedBox.x >= tableBox.x && focusedBox.x + focusedBox.width <= tableBox.x + tableBox.width, 'the whole value stays inside the table').toBe(true);
  expect(focusedBox && rowBox && focusedBox.y >= rowBox.y - 0.5 && focusedBox.y + focusedBox.height <= rowBox.y + rowBox.height + 0.5, 'and inside its row').toBe(true);
  expect(await table.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop), 'focus does not scroll the table').toBe(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `.test-output/screens/tables-stage-list-focus-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A session id in the participant page's sessions table is whole too.
  const detail = new StageDetailPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(host.participantId)).toBeVisible();
  const sessionsCell = page.getByRole('cell').filter({ hasText: host.sessionId }).first();
  expect(await fits(sessionsCell)).toBe(true);
});
