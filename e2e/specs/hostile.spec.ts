import { readFileSync } from 'node:fs';
import { StartParticipantReplicationCommand, StopParticipantReplicationCommand, TagResourceCommand } from '@aws-sdk/client-ivs-realtime';
import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION, type JoinedParticipant } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { FindUserPage, ReplicationMapPage, StoryPage } from '../pages/PowerToolsPages';
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

// Ids that read as "admin" (or as something the page wrote) but are not: each hidden character must be shown as
// ⟦U+XXXX⟧ and flagged in every view, and must not reach an export raw.
const LOOK_ALIKES: { suffix: string; shown: string }[] = [
  { suffix: '\u{E0020}', shown: '⟦U+E0020⟧' }, // tag space
  { suffix: '\u034F', shown: '⟦U+034F⟧' }, // combining grapheme joiner
  { suffix: '\uFE0F', shown: '⟦U+FE0F⟧' }, // variation selector 16
  { suffix: '\u180B', shown: '⟦U+180B⟧' }, // Mongolian free variation selector
  { suffix: '\u17B4', shown: '⟦U+17B4⟧' }, // Khmer inherent vowel
  { suffix: '\u2028', shown: '⟦U+2028⟧' }, // line separator
  { suffix: '\uFFF9', shown: '⟦U+FFF9⟧' }, // interlinear annotation anchor
  { suffix: '\u{1D173}', shown: '⟦U+1D173⟧' }, // musical symbol begin beam
  { suffix: '\u202E', shown: '⟦U+202E⟧' }, // right-to-left override, never closed
  { suffix: '\nUser id: root', shown: '⟦U+000A⟧User id: root' }, // a newline that would forge an export line
  { suffix: '\u0000;=2+5', shown: '⟦U+0000⟧;=2+5' }, // NUL, and a formula after ";"
];
/** What no page may show raw: it hides, reorders or breaks the text around it. */
const RAW_HIDDEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Bidi_Control}]|(?![\t\n])\p{Cc}/u;
const FLAG = 'Contains hidden or direction-changing characters';

test('look-alike user ids are revealed and flagged in the lists, details, story, find-user and map; exports cannot be forged', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
  cspViolations,
}) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const noRawHidden = async (view: string): Promise<void> => {
    const text = await page.locator('body').innerText();
    const hit = RAW_HIDDEN.exec(text);
    expect(hit ? `U+${(hit[0].codePointAt(0) ?? 0).toString(16)} at ${hit.index}` : null, `${view} shows no raw hidden character`).toBeNull();
  };

  const base = `la-${Date.now().toString(36)}-admin`;
  const plain = await joinParticipant(ivs, control, stage.arn, { userId: base });
  // IVS allows only [a-zA-Z0-9-_.,:;\s]* in client fields, and \s still lets through line breaks, U+2028 and U+FEFF.
  const hostileClient = { osName: 'mac\u2028OS', browserName: 'Chrome\nISP: forged', ispName: 'isp\uFEFFx', sdkVersion: '1.0\u00A0' };
  const joined = [];
  for (const l of LOOK_ALIKES) {
    const userId = `${base}${l.suffix}`;
    const p = await joinParticipant(ivs, control, stage.arn, { userId, publish: true, clientInfo: hostileClient, attributes: { [`role${l.suffix}`]: `host${l.suffix}` } });
    joined.push({ ...l, userId, shownId: `${base}${l.shown}`, p });
  }
  const rlo = joined.find((j) => j.suffix === '\u202E') as (typeof joined)[number];
  const newline = joined.find((j) => j.suffix.startsWith('\n')) as (typeof joined)[number];

  // Lists: the session's participant table shows each look-alike revealed, on one line, with the small flag.
  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participants.getByRole('row')).toHaveCount(LOOK_ALIKES.length + 2, { timeout: 10_000 });
  for (const j of joined) {
    const row = detail.participantRow(j.p.participantId);
    await expect(row).toContainText(j.shownId);
    await expect(row.getByRole('img', { name: FLAG })).toHaveCount(1);
  }
  await expect(detail.participantRow(plain.participantId).getByRole('img', { name: FLAG })).toHaveCount(0);
  // One line per row: the newline id does not make its row taller than the plain one.
  const height = async (id: string): Promise<number> => (await detail.participantRow(id).boundingBox())?.height ?? 0;
  expect(await height(newline.p.participantId)).toBeLessThanOrEqual((await height(plain.participantId)) + 1);
  await noRawHidden('the stage page');

  // CSV: one record per participant, nothing raw, and the formula after ";" defused.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), detail.participants.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv.split('\r\n')).toHaveLength(LOOK_ALIKES.length + 3); // header, participants, and the final CRLF
  expect(RAW_HIDDEN.exec(csv.replace(/\r\n/g, ''))).toBeNull();
  expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n\t]/);
  expect(csv).toContain(`"${base}⟦U+0000⟧;'=2+5"`);
  expect(csv).toContain(`,${base}⟦U+000A⟧User id: root,`);

  // Details: every look-alike revealed and flagged, attributes too; the title carries no participant text.
  const participant = new ParticipantPage(page);
  for (const j of joined) {
    await participant.open(REGION, stage.arn, j.p.sessionId, j.p.participantId);
    await expect(participant.field('User id')).toContainText(j.shownId);
    await expect(participant.field('User id').getByRole('note')).toContainText('hidden or direction-changing characters');
    await expect(participant.field('Attributes')).toContainText(`role${j.shown}`);
    await expect(participant.field('Attributes')).toContainText(`host${j.shown}`);
    expect(await page.title()).toBe(`Participant ${j.p.participantId} · Greenroom`);
  }
  await expect(participant.field('Operating system')).toContainText('mac⟦U+2028⟧OS');
  await noRawHidden('the participant page');

  // Story: the unterminated override is shown, not obeyed, so the page's own text after it reads as written.
  const story = new StoryPage(page);
  await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stage.arn)}/sessions/${rlo.p.sessionId}/participants/${rlo.p.participantId}/story`);
  await expect(story.heading).toHaveText(`Story of participant ${rlo.p.participantId}`);
  const userLine = page.getByText(/^User id .* · story loaded/);
  await expect(userLine).toContainText(rlo.shownId);
  await expect(userLine.getByRole('note')).toContainText('hidden or direction-changing characters');
  await expect(page.getByText(/^Client: /).first()).toContainText('mac⟦U+2028⟧OS');
  await expect(page.getByText(/^Client: /).first()).toContainText('Chrome⟦U+000A⟧ISP: forged');
  await noRawHidden('the story page');

  // The story's text export of the newline id: the id cannot forge a line, and nothing hidden is left raw.
  await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stage.arn)}/sessions/${newline.p.sessionId}/participants/${newline.p.participantId}/story`);
  await expect(story.heading).toBeVisible();
  await expect(page.getByText(/^User id .* · story loaded/)).toContainText(newline.shownId, { timeout: 15_000 });
  const [textDownload] = await Promise.all([page.waitForEvent('download'), story.exportText.click()]);
  const text = readFileSync(await textDownload.path(), 'utf8');
  expect(RAW_HIDDEN.exec(text.replace(/\n/g, ''))).toBeNull();
  expect(text).not.toContain('\r');
  const lines = text.split('\n');
  expect(lines).not.toContain('User id: root');
  expect(lines.filter((l) => l.startsWith('ISP: forged'))).toEqual([]);
  expect(lines.filter((l) => l.startsWith('User id:'))).toEqual([`User id: ${newline.shownId}`, expect.stringMatching(/^User id: .*; client: OS mac⟦U\+2028⟧OS, browser Chrome⟦U\+000A⟧ISP: forged/)]);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), story.exportJson.click()]);
  const jsonText = readFileSync(await jsonDownload.path(), 'utf8');
  expect(RAW_HIDDEN.exec(jsonText.replace(/\n/g, ''))).toBeNull();
  expect((JSON.parse(jsonText) as { userId: string }).userId).toBe(newline.userId);

  // The replication map: the replicated look-alike is revealed and flagged in its row.
  await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: rlo.p.participantId }));
  try {
    const map = new ReplicationMapPage(page);
    await map.open(REGION);
    const edge = map.edge(stage.arn.split('/').pop() as string, rlo.p.participantId, otherStage.arn.split('/').pop() as string);
    await expect(edge).toContainText(rlo.shownId, { timeout: 15_000 });
    await expect(edge.getByRole('img', { name: FLAG })).toHaveCount(1);
    await expect(map.heading).toHaveText(`Replication map · ${REGION}`);
    await noRawHidden('the replication map');
  } finally {
    await ivs.send(new StopParticipantReplicationCommand({ sourceStageArn: stage.arn, destinationStageArn: otherStage.arn, participantId: rlo.p.participantId }));
  }

  // Find a user: the query and the match are revealed and flagged; the plain "admin" is not among the matches.
  const find = new FindUserPage(page);
  await find.open();
  await find.find(rlo.userId);
  await expect(find.resultLink(rlo.p.participantId, REGION)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Search complete' })).toBeVisible({ timeout: 60_000 });
  // The participant and its replica (same user id) match; the plain "admin" does not.
  const hits = find.results.getByRole('row').filter({ has: page.getByRole('link', { name: /^Open participant / }) });
  expect(await hits.count()).toBeGreaterThanOrEqual(1);
  for (const hit of await hits.all()) {
    await expect(hit).toContainText(rlo.shownId);
    await expect(hit.getByRole('img', { name: FLAG })).toHaveCount(1);
  }
  await expect(find.resultLink(plain.participantId, REGION)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: / match(es)? for / })).toContainText(rlo.shownId);
  await noRawHidden('the find-user page');

  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(cspViolations).toEqual([]);
});
