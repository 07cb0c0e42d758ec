import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { StageDetailPage } from '../pages/StageDetailPage';

/** The participants poll interval (config `participants`), plus a request's time. */
const POLL_MS = 3000;
// The browser's own clock format (locale-aware: "14:32:27" or "2:32:27 PM").
const CLOCK = /\d{1,2}:\d{2}:\d{2}(?:\s[AP]M)?/;

test('after a disconnect from the participant page, the page says when the same user rejoins and links to the new participant', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
}) => {
  const userId = `kicked-${Date.now().toString(36)}`;
  const first = await joinParticipant(ivs, control, stage.arn, { userId, publish: true });
  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, first.sessionId, first.participantId);

  await participant.disconnect('test kick');
  await expect(participant.field('Connection')).toContainText('Disconnected');
  await expect(page.getByRole('button', { name: 'Disconnect', exact: true })).toHaveCount(0);
  const watch = participant.rejoinWatch.getByRole('listitem', { name: `Rejoin watch for ${userId}` });
  await expect(watch).toContainText(new RegExp(`Watching for ${userId} to rejoin… \\(since ${CLOCK.source}, \\d+ s\\)`));
  await expect(watch.getByRole('button', { name: 'Stop watching' })).toBeVisible();

  // The watch lives in the tab: it is on the stage page too, and still there after a reload.
  await page.getByRole('link', { name: first.sessionId }).first().click();
  const stagePage = new StageDetailPage(page);
  await expect(stagePage.heading).toBeVisible();
  await expect(stagePage.participants.getByRole('listitem', { name: `Rejoin watch for ${userId}` })).toContainText('Watching for');
  await page.goBack();
  await page.reload();
  await expect(watch).toContainText('Watching for');

  // The same user id joins again with a new token: a new participant id.
  const again = await joinParticipant(ivs, control, stage.arn, { userId });
  expect(again.participantId).not.toBe(first.participantId);
  await expect(watch).toContainText(new RegExp(`${userId} rejoined at ${CLOCK.source} as participant ${again.participantId}\\.`), {
    timeout: 2 * POLL_MS + 2000,
  });
  await expect(watch.getByRole('button', { name: 'Stop watching' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/kick-watch-rejoined.png' });

  await watch.getByRole('link', { name: again.participantId }).click();
  await expect(participant.heading).toContainText(again.participantId);
  await expect(participant.field('User id')).toHaveText(userId);
});

test('a disconnect from the session table starts a watch that can be stopped; without a user id the page says it cannot follow', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
}) => {
  const userId = `table-kick-${Date.now().toString(36)}`;
  const withUser = await joinParticipant(ivs, control, stage.arn, { userId });
  const anonymous = await joinParticipant(ivs, control, stage.arn, {});
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);

  await detail.disconnect(anonymous.participantId, 'no name');
  const panel = detail.participants.getByRole('region', { name: 'Rejoin watch' });
  await expect(panel.getByRole('listitem', { name: `Rejoin watch for participant ${anonymous.participantId}` })).toHaveText(
    new RegExp(`The rejoin of participant ${anonymous.participantId} cannot be followed: it has no user id\\.`),
  );

  await detail.disconnect(withUser.participantId, 'rude');
  const watch = panel.getByRole('listitem', { name: `Rejoin watch for ${userId}` });
  await expect(watch).toContainText(`Watching for ${userId} to rejoin…`);
  await page.screenshot({ path: 'test-results/kick-watch-watching.png' });
  await watch.getByRole('button', { name: 'Stop watching' }).click();
  await expect(watch).toHaveCount(0);
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel).toHaveCount(0);
});
