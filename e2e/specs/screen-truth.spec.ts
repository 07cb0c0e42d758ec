import { readFile } from 'node:fs/promises';
import {
  ListParticipantEventsCommand,
  ListParticipantReplicasCommand,
  StartParticipantReplicationCommand,
  StopParticipantReplicationCommand,
} from '@aws-sdk/client-ivs-realtime';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { createTestStage, deleteTestStage, joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { FindUserPage, StoryPage } from '../pages/PowerToolsPages';
import { StageDetailPage } from '../pages/StageDetailPage';

// What the screen says must be true: a person's connection with its replicas reads as one, a stopped replica is
// not "disconnected", events of one instant are told in the order they happened, and data that could not be
// refreshed says how old it is. Screenshots at phone and desktop width go to .test-output/screens.
const SCREENS = '.test-output/screens';
const idOf = (arn: string): string => arn.split('/').pop() as string;

async function screens(page: Page, name: string): Promise<void> {
  for (const size of [
    { label: 'phone', width: 390, height: 844 },
    { label: 'desktop', width: 1280, height: 860 },
  ]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: `${SCREENS}/${name}-${size.label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1360, height: 900 });
}

test('find user shows one group per connection, its replicas nested under it, and a stopped replica as "Replication stopped"', async ({
  signedInPage: page,
  checkA11y,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  // The search walks every stage of the region at 2.5 requests/s.
  test.setTimeout(150_000);
  const third = await createTestStage(ivs, `e2e-truth-third-${Date.now().toString(36)}`);
  try {
    const userId = `truth-${Date.now().toString(36)}`;
    const host = await joinParticipant(ivs, control, stage.arn, { userId, publish: true });
    // Someone else stays in the third stage, so its session stays live after the replica leaves it.
    await joinParticipant(ivs, control, third.arn, { userId: `${userId}-crew` });
    await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: host.participantId }));
    await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: third.arn, participantId: host.participantId }));
    await ivs.send(new StopParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: third.arn, participantId: host.participantId }));
    const listed = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: stage.arn, participantId: host.participantId }));
    const stopped = listed.replicas?.find((r) => r.destinationStageArn === third.arn);
    expect(stopped?.replicationState).toBe('STOPPED');

    const find = new FindUserPage(page);
    await find.open();
    await find.find(userId);
    await expect(page.getByRole('heading', { name: 'Search complete' })).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('status').filter({ hasText: / matches for / })).toContainText('1 connection, 2 replicas under them');

    // One group: the source first, then its two replicas, each marked and linked as a replica.
    const rows = find.results.getByRole('row').filter({ has: page.getByRole('link', { name: /^Open (participant|replica) / }) });
    await expect(rows).toHaveCount(2 + 1);
    const [source, ...replicas] = await rows.all();
    await expect(source!.getByRole('link', { name: `Open participant ${host.participantId} in ${REGION}` })).toBeVisible();
    await expect(source!).toContainText('2 replicas');
    await expect(source!).toContainText(stage.name);
    await expect(source!).toContainText('Connected');
    await expect(source!.getByRole('cell').first()).not.toContainText('Replica');
    const byStage = new Map<string, (typeof replicas)[number]>();
    for (const r of replicas) {
      await expect(r).toHaveClass(/find-replica/);
      await expect(r.getByRole('cell').first()).toContainText(`Replica ${host.participantId}`);
      byStage.set((await r.innerText()).includes(idOf(third.arn)) ? 'third' : 'other', r);
    }
    const active = byStage.get('other');
    const ended = byStage.get('third');
    await expect(active!).toContainText(otherStage.name);
    await expect(active!).toContainText('Connected');
    await expect(active!.getByRole('link', { name: `Open replica ${host.participantId} in stage ${idOf(otherStage.arn)} (${REGION})` })).toBeVisible();
    await expect(ended!).toContainText(third.name);
    await expect(ended!).toContainText('Replication stopped');
    await expect(ended!).not.toContainText('Disconnected');
    // Stage names, not ids alone: no cell shows a stage id without its name.
    await expect(find.results).toContainText(`${stage.name} ${idOf(stage.arn)}`);
    await screens(page, 'find-user-grouped');
    await checkA11y('find-user-grouped');

    // The same rule on the stopped replica's own page and in its session's table.
    await ended!.getByRole('link', { name: /^Open replica / }).click();
    const participant = new ParticipantPage(page);
    await expect(participant.heading).toContainText(host.participantId);
    await expect(participant.field('Connection')).toContainText('Replication stopped');
    await expect(participant.field('Connection')).not.toContainText('Disconnected');
    const detail = new StageDetailPage(page);
    await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(third.arn)}/sessions/${stopped?.destinationSessionId ?? ''}`);
    await expect(detail.participantRow(host.participantId)).toContainText('Replication stopped');
    await expect(detail.participantRow(host.participantId)).not.toContainText('Disconnected');
  } finally {
    await deleteTestStage(ivs, third.arn);
  }
});

test('the story tells events of one instant in their natural order, on the page and in both exports; a live participant is "still connected"', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  test.setTimeout(90_000);
  const userId = `order-${Date.now().toString(36)}`;
  const host = await joinParticipant(ivs, control, stage.arn, { userId, publish: true });
  await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: host.participantId }));
  // Leaving while publishing and replicated: the source stops publishing, its replication stops and it leaves in one
  // instant, and its replica does the same in the other stage.
  await control.leave({ stageArn: stage.arn, participantId: host.participantId });

  // IVS lists those events with one timestamp, newest first: the list's order is not the order they happened in.
  const { replicas } = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: stage.arn, participantId: host.participantId }));
  const replicaSession = replicas?.[0]?.destinationSessionId as string;
  const raw = await ivs.send(new ListParticipantEventsCommand({ stageArn: otherStage.arn, sessionId: replicaSession, participantId: host.participantId }));
  const rawNames = (raw.events ?? []).map((e) => e.name ?? '');
  const instants = new Set((raw.events ?? []).map((e) => e.eventTime?.getTime()));
  expect(instants.size, 'the replica joined, published and started in one instant, and stopped and left in another').toBe(2);
  // A sort by time alone keeps the list's order within an instant, which would put PUBLISH_STARTED before JOINED
  // and LEFT before PUBLISH_STOPPED.
  expect(rawNames.indexOf('PUBLISH_STARTED')).toBeLessThan(rawNames.indexOf('JOINED'));
  expect(rawNames.indexOf('LEFT')).toBeLessThan(rawNames.indexOf('PUBLISH_STOPPED'));

  const story = new StoryPage(page);
  await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stage.arn)}/sessions/${host.sessionId}/participants/${host.participantId}/story`);
  await expect(story.heading).toBeVisible();
  const namesOf = (label: RegExp): Promise<string[]> => story.eventNames(label);
  await expect(story.events(/^Events of Replica in stage/).first()).toBeVisible({ timeout: 15_000 });
  const replicaOrder = ['JOINED', 'PUBLISH_STARTED', 'REPLICATION_STARTED', 'REPLICATION_STOPPED', 'PUBLISH_STOPPED', 'LEFT'];
  expect(await namesOf(/^Events of Replica in stage/)).toEqual(replicaOrder);
  const sourceNames = await namesOf(/^Events of Connection 1 of 1/);
  expect(sourceNames[0]).toBe('JOINED');
  expect(sourceNames.slice(-3)).toEqual(['REPLICATION_STOPPED', 'PUBLISH_STOPPED', 'LEFT']);
  // Both connections have ended: each gives an end time.
  await expect(page.getByText(/^From .+ to .+$/)).toHaveCount(2);
  await screens(page, 'story-order');

  // The exports keep the page's order.
  const lines = await story.eventLines();
  const [txt] = await Promise.all([page.waitForEvent('download'), story.exportText.click()]);
  const text = await readFile(await txt.path(), 'utf8');
  let at = 0;
  for (const l of lines) {
    const found = text.indexOf(l, at);
    expect(found, `"${l}" in the export, in page order`).toBeGreaterThanOrEqual(at);
    at = found;
  }
  const [json] = await Promise.all([page.waitForEvent('download'), story.exportJson.click()]);
  const parsed = JSON.parse(await readFile(await json.path(), 'utf8')) as { items: { label?: string; events?: { name: string }[] }[] };
  expect(parsed.items.find((i) => i.label?.startsWith('Replica'))?.events?.map((e) => e.name)).toEqual(replicaOrder);

  // A participant still connected: its story and its export say so instead of giving an end time.
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: `${userId}-guest`, publish: true });
  await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stage.arn)}/sessions/${guest.sessionId}/participants/${guest.participantId}/story`);
  await expect(page.getByText(/^From .+, still connected at .+$/)).toBeVisible({ timeout: 15_000 });
  const [live] = await Promise.all([page.waitForEvent('download'), story.exportText.click()]);
  const liveText = await readFile(await live.path(), 'utf8');
  const iso = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z`;
  expect(liveText).toMatch(new RegExp(`^From ${iso}, still connected at ${iso}$`, 'm'));
  expect(liveText).not.toMatch(/^From .*Z to /m);
  const [liveJson] = await Promise.all([page.waitForEvent('download'), story.exportJson.click()]);
  const liveParsed = JSON.parse(await readFile(await liveJson.path(), 'utf8')) as { generatedAt: string; items: { end: string | null; stillConnectedAt: string | null }[] };
  expect(liveParsed.items.map((i) => [i.end, i.stillConnectedAt])).toEqual([[null, liveParsed.generatedAt]]);
});

test('the replication section keeps its rows but says how old they are when refreshing them fails, with a working Retry', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
  requests,
  checkA11y,
}) => {
  test.setTimeout(90_000);
  const host = await joinParticipant(ivs, control, stage.arn, { userId: `stale-${Date.now().toString(36)}`, publish: true });
  await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: host.participantId }));
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  const row = detail.replication.getByRole('row').filter({ hasText: idOf(otherStage.arn) });
  await expect(row).toContainText('Active');
  const banner = detail.replication.getByRole('status').filter({ hasText: 'Showing data from' });
  await expect(banner).toHaveCount(0);

  // The emulator now fails every ListParticipantReplicas: the section's replica rows cannot be refreshed.
  await control.setFaults([{ operation: 'ListParticipantReplicas', errorRate: 1, errorStatus: 503 }]);
  await expect(banner).toContainText(/^Showing data from \d+ s ago — refresh failed: .+/, { timeout: 30_000 });
  await expect(banner).toContainText(/Request id: \S+/);
  await expect(row).toContainText('Active');
  // The age grows while the failures go on.
  const age = async (): Promise<number> => Number(/from (\d+) s ago/.exec((await banner.innerText()) ?? '')?.[1] ?? -1);
  const first = await age();
  await expect.poll(age, { timeout: 10_000 }).toBeGreaterThan(first);
  // Only the replication section is stale: the stage header and the participants table still refresh.
  await expect(page.getByRole('status').filter({ hasText: 'Showing data from' })).toHaveCount(1);
  await screens(page, 'replication-stale');
  await checkA11y('replication-stale');

  // With live updates paused only Retry refreshes. While the fault lasts it asks again, fails, and the banner stays.
  await page.getByRole('button', { name: 'Pause live updates' }).first().click();
  requests.reset();
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => requests.count('ListParticipantReplicas'), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(banner.getByRole('button', { name: 'Retry' })).toBeEnabled({ timeout: 20_000 });
  await expect(banner).toContainText('refresh failed');
  // The fault ends: nothing refreshes by itself while paused, and Retry clears the banner.
  await control.clearFaults();
  await page.waitForTimeout(4_000);
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(row).toContainText('Active');
  await page.getByRole('button', { name: 'Resume live updates' }).first().click();

  // The page's other polled sections use the same banner: the sessions list, when ListStageSessions fails.
  await control.setFaults([{ operation: 'ListStageSessions', errorRate: 1, errorStatus: 503 }]);
  const sessionsBanner = page.locator('[data-stale-section="sessions"]');
  await expect(sessionsBanner).toContainText(/^Showing data from \d+ s ago — refresh failed: /, { timeout: 30_000 });
  await expect(page.getByRole('table', { name: /^Sessions of this stage/ })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await control.clearFaults();
  await expect(sessionsBanner).toHaveCount(0, { timeout: 20_000 });
});
