// One way to show time and states across views, and a link opened in a new tab landing signed in while the
// managed-login session lives (silent sign-in with prompt=none), and on the sign-in page once it has ended.
import { readFileSync } from 'node:fs';
import { StartParticipantReplicationCommand } from '@aws-sdk/client-ivs-realtime';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { PRODUCER, fillLoginForm, userBox } from '../fixtures/auth';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';

const SCREENS = '.test-output/screens';
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

/** Screenshots of the view as it is now, at phone and desktop size, light and dark. */
async function screens(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SCREENS}/${name}-${size.name}-${scheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Raw enum values an IVS response carries; on screen they are always said in words. */
const RAW_ENUM = /\b(ACTIVE|STOPPED|CONNECTED|DISCONNECTED|DISABLED|SOURCE|REPLICA|NONE|AUDIO_VIDEO)\b/;
/** "None" run into the next word: a sentence that lost its space. */
const NONE_RUN_ON = /None(?=[A-Za-z(])/;

test('a link opened in a new tab lands signed in on that view; after sign-out the same link shows sign-in', async ({ signedInPage: page, context, stage }) => {
  const deep = `/regions/${REGION}/stages/${encodeURIComponent(stage.arn)}?view=1`;
  const tab = await context.newPage();
  const authorize: string[] = [];
  tab.on('request', (r) => {
    if (r.url().includes('/oauth2/authorize')) authorize.push(r.url());
  });
  await tab.goto(deep);
  const detail = new StageDetailPage(tab);
  await expect(detail.heading).toBeVisible();
  await expect(userBox(tab)).toContainText(PRODUCER.username);
  // The deep link, query included, is where it landed; no code or state is left in the address bar.
  expect(new URL(tab.url()).pathname + new URL(tab.url()).search).toBe(deep);
  // One silent request, with prompt=none, and no login form on the way.
  expect(authorize).toHaveLength(1);
  expect(new URL(authorize[0]).searchParams.get('prompt')).toBe('none');
  const stored = await tab.evaluate(() => (globalThis as unknown as { localStorage: { length: number } }).localStorage.length);
  expect(stored, 'nothing in localStorage').toBe(0);
  await tab.close();

  // Sign-out ends the managed-login session: the same link in a new tab now asks, once, and stays put.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  const after = await context.newPage();
  const asked: string[] = [];
  after.on('request', (r) => {
    if (r.url().includes('/oauth2/authorize')) asked.push(r.url());
  });
  await after.goto(deep);
  await expect(after.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  await expect(after.getByRole('alert')).toHaveCount(0);
  expect(new URL(after.url()).pathname + new URL(after.url()).search).toBe(deep);
  // Give a loop the time to show itself: no second silent request.
  await after.waitForTimeout(1500);
  expect(asked).toHaveLength(1);
  await expect(after.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  // Signing in from there returns to the deep link.
  await after.getByRole('button', { name: 'Sign in' }).click();
  await fillLoginForm(after, PRODUCER);
  await expect(new StageDetailPage(after).heading).toBeVisible();
  expect(new URL(after.url()).pathname + new URL(after.url()).search).toBe(deep);
});

test('one time format across views: the same event reads the same on the participant page and in the story; files use ISO 8601 UTC', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
}) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'time-host', publish: true, attributes: { displayName: 'Tia Host' } });
  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, host.sessionId, host.participantId);
  const timeline = page.getByRole('list', { name: 'Participant events, newest first' });
  const joinedItem = timeline.getByRole('listitem').filter({ hasText: 'JOINED' }).first();
  const joinedAt = (await joinedItem.locator('time').first().textContent())?.trim() ?? '';
  // Locale date and time to the second (seconds where events happen).
  expect(joinedAt).toMatch(/\d{1,2}:\d{2}:\d{2}/);
  const iso = await joinedItem.locator('time').first().getAttribute('datetime');
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  // The freshness line is an age, with the absolute time on hover.
  const updated = page.locator('.freshness time').first();
  await expect(updated).toHaveText(/^\d+ s ago$/);
  expect(await updated.getAttribute('title')).toMatch(/\d{1,2}:\d{2}:\d{2}/);
  const text = await page.getByRole('main').innerText();
  expect(text).not.toMatch(NONE_RUN_ON);
  await screens(page, 'time-participant');

  await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stage.arn)}/sessions/${host.sessionId}/participants/${host.participantId}/story`);
  const storyJoined = page.locator('.story-line').filter({ hasText: 'JOINED' }).first();
  await expect(storyJoined).toBeVisible();
  expect((await storyJoined.textContent())?.trim()).toBe(`${joinedAt} JOINED`);
  await screens(page, 'time-story');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export text summary' }).click();
  const file = readFileSync(await (await download).path(), 'utf8');
  expect(file).toMatch(new RegExp(`^  ${iso?.replace(/\.000Z$/, 'Z').replace(/[.]/g, '\\.')} JOINED`, 'm'));
  expect(file).toMatch(/^Generated: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z /m);
  expect(file).not.toContain(joinedAt);
});

test('states read in words in tables as on detail pages, and pickers name participants by user id and display name', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'words-host', publish: true, attributes: { displayName: 'Wanda Words', role: 'host' } });
  const guest = await joinParticipant(ivs, control, stage.arn, { userId: 'words-guest', publish: true, attributes: { name: 'Gus Guest' } });
  await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: host.participantId }));

  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(host.participantId)).toContainText('Connected');
  await expect(detail.participantRow(host.participantId)).toContainText('Source, Active');
  await expect(detail.replication.getByRole('row').filter({ hasText: host.participantId })).toContainText('Active');
  for (const table of await page.getByRole('main').getByRole('table').all()) expect(await table.innerText()).not.toMatch(RAW_ENUM);
  expect(await page.getByRole('main').innerText()).not.toMatch(NONE_RUN_ON);
  await screens(page, 'states-stage');

  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, host.sessionId, host.participantId);
  await expect(participant.replicas.getByRole('row').filter({ hasText: 'Active' })).toHaveCount(1);
  for (const table of await page.getByRole('main').getByRole('table').all()) expect(await table.innerText()).not.toMatch(RAW_ENUM);

  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.source.fill(stage.arn);
  const options = form.participant.locator('option');
  await expect(options.filter({ hasText: guest.participantId })).toContainText(`${guest.participantId} · words-guest · Gus Guest`);
  await expect(options.filter({ hasText: host.participantId })).toContainText(`${host.participantId} · words-host · Wanda Words`);
  await screens(page, 'picker-names');
});
