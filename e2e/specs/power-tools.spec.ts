import { readFile } from 'node:fs/promises';
import { ListParticipantReplicasCommand, StartParticipantReplicationCommand } from '@aws-sdk/client-ivs-realtime';
import { expect, test } from '../fixtures/test';
import { runCopiedCommand } from '../fixtures/awsCli';
import { createIvsAdmin, createTestStage, deleteTestStage, EMULATOR_URL, joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { FindUserPage, ReplicationMapPage, StoryPage } from '../pages/PowerToolsPages';

const WEST = 'us-west-2';
/** The map's poll interval (config `stages`), plus the paced walk of the live stages. */
const MAP_POLL_MS = 5000;
const idOf = (arn: string): string => arn.split('/').pop() as string;

test('support finds a user who is in two stages in two regions and opens both', async ({ signedInPage: page, ivs, control, stage }) => {
  // Three searches over every stage of two regions, paced at 2.5 requests/s.
  test.setTimeout(120_000);
  const west = createIvsAdmin(WEST);
  const westStage = await createTestStage(west, `e2e-west-${Date.now().toString(36)}`);
  try {
    const userId = `maria-${Date.now().toString(36)}`;
    const east = await joinParticipant(ivs, control, stage.arn, { userId, publish: true });
    const far = await joinParticipant(west, control, westStage.arn, { userId });

    const find = new FindUserPage(page);
    await find.open();
    await find.find(userId);
    await expect(find.resultLink(east.participantId, REGION)).toBeVisible({ timeout: 30_000 });
    await expect(find.resultLink(far.participantId, WEST)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Search complete' })).toBeVisible({ timeout: 30_000 });
    await expect(find.results.getByRole('row')).toHaveCount(3);

    const participant = new ParticipantPage(page);
    await find.resultLink(east.participantId, REGION).click();
    await expect(participant.heading).toContainText(east.participantId);
    await expect(participant.field('User id')).toContainText(userId);
    // Back to the search: the address holds the query, so the results come back.
    await page.goBack();
    await find.resultLink(far.participantId, WEST).click({ timeout: 30_000 });
    await expect(participant.heading).toContainText(far.participantId);
    await expect(page).toHaveURL(new RegExp(`/regions/${WEST}/`));

    // An exact participant id opens that participant directly.
    await find.open();
    await find.find(far.participantId);
    await expect(participant.heading).toContainText(far.participantId, { timeout: 30_000 });
  } finally {
    await deleteTestStage(west, westStage.arn);
    west.destroy();
  }
});

test('the merged story shows the source and its replica in order, the reconnect gap, and exports what it shows', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  const userId = `story-${Date.now().toString(36)}`;
  const clientInfo = { osName: 'macOS', browserName: 'Chrome', browserVersion: '131', sdkVersion: '1.20.0' };
  const first = await joinParticipant(ivs, control, stage.arn, { userId, publish: true, clientInfo });
  await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: first.participantId }));
  await control.emitError({ stageArn: stage.arn, participantId: first.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });
  await control.leave({ stageArn: stage.arn, participantId: first.participantId });
  await control.advanceClock(30_000);
  const second = await joinParticipant(ivs, control, stage.arn, { userId, publish: true, clientInfo });

  // Open the replica's page, then its story.
  const replicas = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: stage.arn, participantId: first.participantId }));
  const replica = replicas.replicas?.[0];
  expect(replica?.destinationSessionId).toBeTruthy();
  const participant = new ParticipantPage(page);
  await participant.open(REGION, otherStage.arn, replica?.destinationSessionId as string, first.participantId);
  await page.getByRole('link', { name: 'Open the merged story' }).click();
  const story = new StoryPage(page);
  await expect(story.heading).toBeVisible();

  await expect(story.groupHeadings).toHaveText([
    /^1\. Connection 1 of 2, source$/,
    // The replica's stage by name, its id beside it.
    `2. Replica in stage ${otherStage.name} ${idOf(otherStage.arn)} (this participant)`,
    /^3\. Connection 2 of 2$/,
  ], { timeout: 15_000 });
  await expect(story.gaps).toHaveText(new RegExp(`Reconnected after (2\\d|3\\d) s as participant ${second.participantId}`));
  const sourceEvents = story.events(/^Events of Connection 1 of 2/);
  const names = await story.eventNames(/^Events of Connection 1 of 2/);
  const order = ['JOINED', 'REPLICATION_STARTED', 'PUBLISH_ERROR', 'REPLICATION_STOPPED', 'LEFT'].map((n) => names.indexOf(n));
  expect(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] as number))), names.join(', ')).toBe(true);
  await expect(sourceEvents.filter({ hasText: 'BITRATE_EXCEEDED' })).toContainText('Next step:');
  await expect(story.events(/^Events of Replica in stage/).filter({ hasText: 'REPLICATION_STARTED' })).toHaveCount(1);
  await expect(story.events(/^Events of Replica in stage/).filter({ hasText: 'REPLICATION_STOPPED' })).toHaveCount(1);
  await expect(story.events(/^Events of Connection 2 of 2/).first()).toContainText('JOINED');

  // The text export holds every line the page shows, in the same order, with ids and client info.
  const lines = await story.eventLines();
  expect(lines.length).toBeGreaterThan(6);
  const [download] = await Promise.all([page.waitForEvent('download'), story.exportText.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^greenroom-story-${first.participantId}-${idOf(otherStage.arn)}-\\d{14}\\.txt$`));
  const text = await readFile(await download.path(), 'utf8');
  let at = 0;
  for (const l of lines) {
    const found = text.indexOf(l, at);
    expect(found, `"${l}" in the export, in page order`).toBeGreaterThanOrEqual(at);
    at = found;
  }
  expect(text).toContain(`User id: ${userId}`);
  expect(text).toContain('client: OS macOS, browser Chrome 131, SDK 1.20.0');
  expect(text).toContain(`Reconnected after`);

  // Filter to errors only: the page and the JSON export agree.
  for (const kind of ['Join and leave', 'Publishing', 'Subscribing', 'Replication', 'Token exchange', 'Other']) await page.getByLabel(kind).uncheck();
  await expect(page.getByRole('list', { name: /^Events of/ }).getByRole('listitem')).toHaveCount(1);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), story.exportJson.click()]);
  const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as { items: { type: string; events?: { name: string; nextStep?: string }[] }[] };
  expect(json.items.map((i) => i.type)).toEqual(['connection', 'connection', 'gap', 'connection']);
  expect(json.items.flatMap((i) => i.events ?? []).map((e) => e.name)).toEqual(['PUBLISH_ERROR']);
});

test('the map shows a replication started through the API within one poll, its CLI command stops it, and Stop on the map works', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const third = await createTestStage(ivs, `e2e-third-${Date.now().toString(36)}`);
  try {
    const host = await joinParticipant(ivs, control, stage.arn, { userId: 'map-host', publish: true });
    const map = new ReplicationMapPage(page);
    await map.open(REGION);
    await expect(page.getByRole('status').filter({ hasText: /active replication/ })).toBeVisible();

    await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: host.participantId }));
    await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: third.arn, participantId: host.participantId }));
    const toOther = map.edge(idOf(stage.arn), host.participantId, idOf(otherStage.arn));
    const toThird = map.edge(idOf(stage.arn), host.participantId, idOf(third.arn));
    await expect(toOther).toContainText('Active', { timeout: MAP_POLL_MS + 5000 });
    await expect(toThird).toContainText('Active');

    // Copy the CLI command from the Stop dialog, cancel, and run the command instead.
    await toOther.getByRole('button', { name: /^Stop replication of/ }).click();
    const dialog = map.stopDialog();
    await dialog.getByText('AWS CLI equivalent').click();
    await dialog.getByRole('button', { name: 'Copy command' }).click();
    // Runs in the browser; e2e/ is type-checked without the DOM library.
    const command = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(command).toBe(
      `aws ivs-realtime stop-participant-replication --region ${REGION} --endpoint-url ${EMULATOR_URL} --source-stage-arn ${stage.arn} --destination-stage-arn ${otherStage.arn} --participant-id ${host.participantId}`,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const ran = await runCopiedCommand(command, ivs);
    test.info().annotations.push({ type: 'cli', description: `copied command run via ${ran.via}` });
    const after = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: stage.arn, participantId: host.participantId }));
    expect(after.replicas?.find((r) => r.destinationStageArn === otherStage.arn)?.replicationState).toBe('STOPPED');
    await expect(toOther).toHaveCount(0, { timeout: MAP_POLL_MS + 5000 });

    // Stop the other edge from the map itself: the same result.
    await toThird.getByRole('button', { name: /^Stop replication of/ }).click();
    await map.stopDialog().getByRole('button', { name: 'Stop replication' }).click();
    await expect(map.stopDialog()).toBeHidden();
    await expect(toThird).toHaveCount(0);
    const end = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: stage.arn, participantId: host.participantId }));
    expect(end.replicas?.map((r) => r.replicationState)).toEqual(['STOPPED', 'STOPPED']);
  } finally {
    await deleteTestStage(ivs, third.arn);
  }
});
