import { readFileSync } from 'node:fs';
import { TagResourceCommand } from '@aws-sdk/client-ivs-realtime';
import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION, type JoinedParticipant } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

// Each payload would set window.__pwned (or open a dialog) if it ever ran. Participants choose user ids and
// attributes freely. Tags follow the Tag Editor rules (letters, numbers, spaces and _ . : / = + - @; the emulator
// refuses the rest as AWS does), so only the corpus entries those rules allow are tags. Stage names are [a-zA-Z0-9-_]
// only, so they are not in the corpus.
const CORPUS: string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload=window.__pwned=3>',
  'javascript:window.__pwned=4',
  '"><script>window.__pwned=5</script>',
  "';window.__pwned=6;//",
  "{{constructor.constructor('window.__pwned=7')()}}",
  '${window.__pwned=8}',
  '<iframe src="javascript:window.__pwned=9">',
  '<a href="javascript:window.__pwned=10">click me</a>',
  '<details open ontoggle=window.__pwned=11>',
  '<body onload=alert(12)>',
  '<style>*{display:none}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>',
  'data:text/html,<script>alert(15)</script>',
  '%3Cscript%3Ealert(16)%3C/script%3E',
  'user\u202Egnp.exe',
  '\u2066isolate\u2069 trick',
  'lro\u202Doverride\u202C',
  'ad\u200Bmin',
  '\uFEFFbom-prefixed',
  'zw\u200D\u200Cjoiners\u2060',
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd',
  '@SUM(1+1)*cmd',
  '\tTAB-led',
  'bell\u0007and\nnewline',
  'W'.repeat(128),
  '😀'.repeat(32),
];
const EMOJI_KB = '😀'.repeat(250); // 1000 bytes of UTF-8
const BIDI = 'user\u202Egnp.exe';
const EMOJI_USER = '😀'.repeat(32);
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const SCRIPT_URL = 'javascript:window.__pwned=4';

test.setTimeout(120_000);

test('a hostile corpus in tags, user ids and attributes renders as inert text in every view', async ({ signedInPage: page, ivs, control, stage, cspViolations }) => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // Seed through the emulator with the static-key SDK: tags (as values, and as keys where they fit) and participants.
  const tags: Record<string, string> = {};
  CORPUS.forEach((s, i) => TAG_TEXT.test(s) && (tags[`h${String(i).padStart(2, '0')}`] = s));
  CORPUS.slice(0, 12).forEach((s) => TAG_TEXT.test(s) && s.length <= 128 && (tags[s] = 'as-key'));
  expect(tags.h03).toBe(SCRIPT_URL);
  expect(tags[SCRIPT_URL]).toBe('as-key');
  await ivs.send(new TagResourceCommand({ resourceArn: stage.arn, tags }));
  const joined: JoinedParticipant[] = [];
  for (const [i, s] of CORPUS.entries()) {
    joined.push(
      await joinParticipant(ivs, control, stage.arn, {
        userId: s,
        attributes: s === EMOJI_USER ? { e: EMOJI_KB } : { note: s },
        publish: i % 5 === 0,
      }),
    );
  }
  const byUser = (s: string): JoinedParticipant => joined[CORPUS.indexOf(s)] as JoinedParticipant;

  const pwned = (): Promise<unknown> => page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);

  // Stage list: every tag value and key as text.
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  const row = list.row(stage.name);
  await expect(row).toContainText(SCRIPT_URL);

  // Stage detail: tags in full, with bidi and zero-width flagged; participants with user ids as text.
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(page.getByText(`h03=${SCRIPT_URL}`)).toBeVisible();
  await expect(detail.participants.getByRole('row')).toHaveCount(CORPUS.length + 1, { timeout: 10_000 });
  await expect(detail.participants).toContainText('<svg onload=window.__pwned=3>');
  await expect(detail.participants.getByRole('img', { name: 'Contains hidden or direction-changing characters' }).first()).toBeVisible();
  expect(await pwned()).toBeUndefined();

  // The participants export: formula cells are defused and the file name is safe.
  const [download] = await Promise.all([page.waitForEvent('download'), detail.participants.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^participants-st-[A-Za-z0-9]+\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(csv).toContain(`"'+cmd|' /C calc'!A0"`);
  expect(csv).toContain(`'@SUM(1+1)*cmd`);
  expect(csv).not.toMatch(/(^|,)[=+@]/m);

  // Edit dialog: hostile tags sit inside input values, inert.
  await page.getByRole('button', { name: 'Edit name and tags' }).click();
  const dialog = page.getByRole('dialog');
  const values = await dialog.locator('input').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  expect(values).toContain(SCRIPT_URL);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Participant details: the bidi user id is revealed and flagged; script and 1 KB of emoji as text.
  const participant = new ParticipantPage(page);
  const bidi = byUser(BIDI);
  await participant.open(REGION, stage.arn, bidi.sessionId, bidi.participantId);
  await expect(participant.field('User id')).toContainText('user⟦U+202E⟧gnp.exe');
  await expect(participant.field('User id').getByRole('note')).toContainText('hidden or direction-changing characters');
  for (const s of ['ad\u200Bmin', '\u2066isolate\u2069 trick', 'bell\u0007and\nnewline']) {
    const p = byUser(s);
    await participant.open(REGION, stage.arn, p.sessionId, p.participantId);
    await expect(participant.field('User id').getByRole('note')).toBeVisible();
  }
  const first = byUser(CORPUS[0] as string);
  await participant.open(REGION, stage.arn, first.sessionId, first.participantId);
  await expect(participant.field('User id')).toHaveText('<script>window.__pwned=1</script>');
  const emoji = byUser(EMOJI_USER);
  await participant.open(REGION, stage.arn, emoji.sessionId, emoji.participantId);
  await expect(participant.field('Attributes')).toContainText(EMOJI_KB);
  for (const s of ['<img src=x onerror="window.__pwned=2">', '<a href="javascript:window.__pwned=10">click me</a>', 'W'.repeat(128)]) {
    const p = byUser(s);
    await participant.open(REGION, stage.arn, p.sessionId, p.participantId);
    await expect(participant.field('User id')).toHaveText(s);
    await expect(participant.field('User id').locator('a')).toHaveCount(0);
  }
  // Titles carry nothing from participants.
  expect(await page.title()).toMatch(/^Participant [A-Za-z0-9-]+ · Greenroom$/);

  // The replication form lists publishers with their user ids as option text.
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.source.fill(stage.arn);
  await expect(form.participant.getByRole('option', { name: /<script>window.__pwned=1<\/script>/ })).toHaveCount(1);

  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(cspViolations).toEqual([]);
});
