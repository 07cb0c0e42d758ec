import { mkdirSync } from 'node:fs';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import type { Locator, Page } from '@playwright/test';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../../emulator/src/auth/credentials.ts';
import { PRODUCER, signIn, SUPPORT } from '../fixtures/auth';
import { aimAppAt, createChildEmulator, OWN_EMULATOR, type ChildEmulator } from '../fixtures/childEmulator';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { expect, test } from '../fixtures/test';
import { ParticipantPage } from '../pages/ParticipantPage';

// The emulator samples its metrics every 5 s of real time; these tests wait for a few samples rather than move the
// emulator's clock. Metrics carry the emulator's time while the page asks for the browser's last 15 minutes, so the
// charted tests run on an emulator of their own: the suite's shared one has been moved days ahead by other specs
// (sign-in expiry), which would put every sample outside the page's window.
const SAMPLES_MS = 11_000;

let emulator: ChildEmulator | undefined;
test.afterEach(async () => {
  await emulator?.dispose();
  emulator = undefined;
});

for (const user of [PRODUCER, SUPPORT]) {
  test.describe(user === SUPPORT ? 'as support' : 'as producer', { tag: OWN_EMULATOR }, () => {
    // The app talks to an emulator on a port the served CSP does not name (see aimAppAt).
    test.use({ bypassCSP: true });

    test('the participant page charts the publisher from CloudWatch, with the same numbers as a table', async ({ page }) => {
      const em = await createChildEmulator({ persist: false });
      emulator = em;
      await em.start();
      const { stage } = await em.ivs.send(new CreateStageCommand({ name: 'charts' }));
      const stageArn = stage?.arn ?? '';
      const p = await joinParticipant(em.ivs, em.control, stageArn, { userId: 'charted', publish: true, clientInfo: { protocol: 'RTMPS' } });
      await aimAppAt(page, em.url);
      await signIn(page, user, '/signed-in');
      await page.waitForTimeout(SAMPLES_MS);
      const participant = new ParticipantPage(page);
      await participant.open(REGION, stageArn, p.sessionId, p.participantId);

      const metrics = page.getByRole('region', { name: 'Metrics', exact: true });
      const bitrate = metrics.getByRole('figure', { name: /Publish bitrate/ });
      await expect(bitrate).toBeVisible();
      await expect(bitrate.locator('canvas')).toBeVisible();
      await expect(bitrate.getByRole('img')).toHaveAttribute('aria-label', /^Publish bitrate: 2 series, from \d+ to \d+ kbit\/s/);
      await expect(metrics.getByRole('figure', { name: /Publish resolution/ })).toBeVisible();
      await expect(metrics.getByRole('figure', { name: /Publish framerate/ })).toBeVisible();

      await bitrate.getByText('Publish bitrate as a table').click();
      const table = bitrate.getByRole('table', { name: 'Publish bitrate' });
      await expect(table.getByRole('columnheader')).toHaveText(['Time', 'audio', 'video']);
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      // The encoder's nominal rates, within the emulator's wobble: about 2,500 kbit/s video and 64 kbit/s audio.
      const audio = Number(await rows.first().locator('td').nth(0).textContent());
      const video = Number(await rows.first().locator('td').nth(1).textContent());
      expect(video).toBeGreaterThan(2_300);
      expect(video).toBeLessThan(2_700);
      expect(audio).toBeGreaterThan(55);
      expect(audio).toBeLessThan(70);
    });
  });
}

test('a participant that never published says there are no metrics yet', async ({ signedInPage: page, ivs, control, stage }) => {
  const p = await joinParticipant(ivs, control, stage.arn, { userId: 'lurker' });
  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, p.sessionId, p.participantId);
  await expect(page.getByRole('region', { name: 'Metrics', exact: true })).toContainText('No metrics yet. CloudWatch reports a participant only while it publishes');
});

// ---------------------------------------------------------------------------------------------------------------
// Stage charts, ranges, markers, the console link, the budget and the empty states.

const SCREENS = '.test-output/screens';

type Row = { at: number; values: string[] };

/** A chart's table as rows: the time (from the <time> element's dateTime) and the text of each value cell. */
async function chartRows(figure: Locator): Promise<Row[]> {
  const details = figure.locator('details');
  if ((await details.getAttribute('open')) === null) await figure.getByText(/as a table$/).click();
  // The chart's own table; uPlot's legend is a table too.
  const rows = figure.locator('table.metric-table tbody tr');
  await expect(rows.first()).toBeVisible();
  type Cell = { getAttribute(n: string): string | null; textContent: string | null; querySelector(s: string): Cell | null; querySelectorAll(s: string): Cell[] };
  return rows.evaluateAll((trs) =>
    (trs as unknown as Cell[]).map((tr) => ({
      at: Date.parse(tr.querySelector('time')?.getAttribute('datetime') ?? ''),
      values: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
}

/** The window the view last read (data attributes of its range line). */
async function windowOf(region: Locator): Promise<{ start: number; end: number; period: number }> {
  const line = region.locator('.metric-window');
  return {
    start: Number(await line.getAttribute('data-start')),
    end: Number(await line.getAttribute('data-end')),
    period: Number(await line.getAttribute('data-period')),
  };
}

async function screens(page: Page, name: string, target: Locator): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const [size, width] of [['phone', 390], ['desktop', 1280]] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: size === 'phone' ? 844 : 900 });
      // The charts are drawn for the colour scheme they were built in: a reload draws them again.
      await page.reload();
      await expect(target.locator('canvas').first()).toBeVisible();
      await target.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      await target.screenshot({ path: `${SCREENS}/${name}-${size}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('stage charts', () => {
  test.use({ bypassCSP: true });

  test('count publishers and subscribers as the session changes; the table matches the chart and CloudWatch', { tag: OWN_EMULATOR }, async ({ page }) => {
    test.setTimeout(120_000);
    const em = await createChildEmulator({ persist: false });
    emulator = em;
    await em.start();
    const { stage } = await em.ivs.send(new CreateStageCommand({ name: 'counted' }));
    const stageArn = stage?.arn ?? '';
    const a = await joinParticipant(em.ivs, em.control, stageArn, { userId: 'host', publish: true });
    await aimAppAt(page, em.url);
    await signIn(page, PRODUCER, '/signed-in');
    await page.waitForTimeout(SAMPLES_MS);
    await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stageArn)}`);

    const metrics = page.getByRole('region', { name: 'Stage metrics' });
    const publishers = metrics.getByRole('figure', { name: /^Publishers/ });
    const subscribers = metrics.getByRole('figure', { name: /^Subscribers/ });
    await expect(metrics.getByRole('button', { name: 'Whole session' })).toHaveAttribute('aria-pressed', 'true');
    await expect(publishers.locator('canvas')).toBeVisible();
    await expect(publishers.getByRole('img')).toHaveAttribute('aria-label', /^Publishers: 1 series, from \d to 1 participants, latest Publishers \(Maximum\) 1\./);
    await expect(subscribers.getByRole('img')).toHaveAttribute('aria-label', /latest Subscribers \(Maximum\) 0\./);

    // A second publisher, and a viewer subscribing to both; the second publisher watches the first.
    const b = await joinParticipant(em.ivs, em.control, stageArn, { userId: 'guest', publish: true });
    const c = await joinParticipant(em.ivs, em.control, stageArn, { userId: 'viewer', capabilities: ['SUBSCRIBE'] });
    for (const remote of [a, b]) await em.control.subscribe({ stageArn, participantId: c.participantId, remoteParticipantId: remote.participantId });
    await em.control.subscribe({ stageArn, participantId: b.participantId, remoteParticipantId: a.participantId });
    await page.waitForTimeout(SAMPLES_MS);
    // Another range reads CloudWatch again at once (a live range otherwise refreshes once a minute).
    await metrics.getByRole('button', { name: '15 min' }).click();
    await expect(publishers.getByRole('img')).toHaveAttribute('aria-label', /latest Publishers \(Maximum\) 2\./);
    await expect(subscribers.getByRole('img')).toHaveAttribute('aria-label', /latest Subscribers \(Maximum\) 2\./);

    // The viewer leaves: one subscriber fewer.
    await em.control.leave({ stageArn, participantId: c.participantId });
    await page.waitForTimeout(SAMPLES_MS);
    await metrics.getByRole('button', { name: '1 h' }).click();
    await expect(subscribers.getByRole('img')).toHaveAttribute('aria-label', /latest Subscribers \(Maximum\) 1\./);

    // The table holds the chart's numbers, which are CloudWatch's: the test asks the emulator for the same window.
    const win = await windowOf(metrics);
    expect(win.period).toBe(10);
    const cw = new CloudWatchClient({ region: REGION, endpoint: em.url, credentials: { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY } });
    const stageId = stageArn.split('/').pop() ?? '';
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(win.start),
        EndTime: new Date(win.end),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: ['Publishers', 'Subscribers'].map((name, i) => ({
          Id: `q${i}`,
          MetricStat: { Metric: { Namespace: 'AWS/IVSRealTime', MetricName: name, Dimensions: [{ Name: 'Stage', Value: stageId }] }, Period: win.period, Stat: 'Maximum' },
        })),
      }),
    );
    for (const [i, fig] of [publishers, subscribers].entries()) {
      const r = out.MetricDataResults?.[i];
      const expected = (r?.Timestamps ?? []).map((t, j) => ({ at: t.getTime(), values: [String(r?.Values?.[j])] }));
      const shown = await chartRows(fig);
      // The page read a moment before the test: the newest bucket may have grown since.
      expect(shown.length).toBeGreaterThanOrEqual(3);
      expect(shown.slice(0, -1)).toEqual(expected.slice(0, shown.length - 1));
    }
    expect(Math.max(...(await chartRows(publishers)).map((r) => Number(r.values[0])))).toBe(2);

    // The console link opens the same query: metric, dimension, statistic, period, range and region.
    const link = metrics.getByRole('link', { name: 'Open Publishers in the CloudWatch console' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#metricsV2:graph=~(`)).toBe(true);
    expect(href).toContain(`~metrics~(~(~'AWS*2fIVSRealTime~'Publishers~'Stage~'${stageId}~(stat~'Maximum~period~10`);
    expect(href).toContain(`~start~'${new Date(win.start).toISOString().replace(/:/g, '*3a')}`);
    await expect(link).toHaveAttribute('target', '_blank');

    // Diagnostics counts the CloudWatch calls against the budget.
    await page.getByRole('button', { name: 'Diagnostics' }).click();
    const cwTable = page.getByRole('table', { name: 'CloudWatch calls and metrics per minute' });
    await expect(cwTable.getByRole('row', { name: new RegExp(REGION) })).toContainText('GetMetricData');
    await expect(cwTable.getByRole('row', { name: new RegExp(REGION) })).toContainText('Within budget');
    await page.getByRole('button', { name: 'Diagnostics' }).click();

    await screens(page, 'stage-charts', metrics);
  });

  test('switch ranges, validate a custom range, and say when it is outside retention (as support)', { tag: OWN_EMULATOR }, async ({ page }) => {
    test.setTimeout(90_000);
    const em = await createChildEmulator({ persist: false });
    emulator = em;
    await em.start();
    const { stage } = await em.ivs.send(new CreateStageCommand({ name: 'ranged' }));
    const stageArn = stage?.arn ?? '';
    await joinParticipant(em.ivs, em.control, stageArn, { userId: 'host', publish: true });
    await aimAppAt(page, em.url);
    await signIn(page, SUPPORT, '/signed-in');
    await page.goto(`/regions/${REGION}/stages/${encodeURIComponent(stageArn)}`);
    const metrics = page.getByRole('region', { name: 'Stage metrics' });
    // Moments after the session started CloudWatch may have nothing yet, and the page says so, or already a point.
    await expect(metrics.getByText(/No metrics yet: the session started moments ago|Publishers: 1 series/).or(metrics.getByRole('figure', { name: /^Publishers/ }))).toBeVisible();
    await page.waitForTimeout(SAMPLES_MS);

    await metrics.getByRole('button', { name: '3 h' }).click();
    await expect(metrics.getByRole('button', { name: '3 h' })).toHaveAttribute('aria-pressed', 'true');
    await expect(metrics.locator('.metric-window')).toHaveAttribute('data-period', '60');
    await expect(metrics.getByRole('figure', { name: /^Publishers/ }).locator('canvas')).toBeVisible();
    await metrics.getByRole('button', { name: '15 min' }).click();
    await expect(metrics.locator('.metric-window')).toHaveAttribute('data-period', '10');

    await metrics.getByRole('button', { name: 'Custom' }).click();
    const form = metrics.getByRole('form', { name: 'Custom time range' });
    const from = form.getByLabel('From');
    const to = form.getByLabel('To');
    await from.fill('2026-01-02T10:00');
    await to.fill('2026-01-02T09:00');
    await form.getByRole('button', { name: 'Show this range' }).click();
    await expect(form.getByText('The end must be after the start.')).toBeVisible();
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    // Nothing typed is lost.
    await expect(from).toHaveValue('2026-01-02T10:00');
    await expect(to).toHaveValue('2026-01-02T09:00');

    await from.fill('2020-01-01T00:00');
    await to.fill('2020-01-02T00:00');
    await form.getByRole('button', { name: 'Show this range' }).click();
    await expect(metrics.getByText(/This range is outside CloudWatch's retention: it keeps a metric for at most 455 days/)).toBeVisible();

    // A custom range around now charts the session, not live.
    const local = (t: number) => {
      const d = new Date(t);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    };
    const now = await page.evaluate(() => Date.now());
    await from.fill(local(now - 30 * 60_000));
    await to.fill(local(now + 60_000));
    await form.getByRole('button', { name: 'Show this range' }).click();
    await expect(metrics.getByRole('figure', { name: /^Publishers/ }).getByRole('img')).toHaveAttribute('aria-label', /latest Publishers \(Maximum\) 1\./);
    await expect(metrics.locator('.metric-window')).not.toContainText('refreshed every');
  });
});

test.describe('participant charts', () => {
  test.use({ bypassCSP: true });

  test("the degrading publisher's bitrate dips at its error event, which is marked on the time axis", { tag: OWN_EMULATOR }, async ({ page }) => {
    test.setTimeout(150_000);
    const em = await createChildEmulator({ persist: false });
    emulator = em;
    await em.start();
    const { stage } = await em.ivs.send(new CreateStageCommand({ name: 'shaky' }));
    const stageArn = stage?.arn ?? '';
    const p = await joinParticipant(em.ivs, em.control, stageArn, { userId: 'shaky-guest', publish: true, clientInfo: { protocol: 'RTMPS' } });
    await aimAppAt(page, em.url);
    await signIn(page, PRODUCER, '/signed-in');
    await page.waitForTimeout(SAMPLES_MS);
    // As the demo's shaky guest: a spell of bad network, and the service's error event.
    await em.control.setNetwork({ stageArn, participantId: p.participantId, severity: 0.75, durationMs: 25_000 });
    await em.control.emitError({ stageArn, participantId: p.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });
    await page.waitForTimeout(40_000);

    const participant = new ParticipantPage(page);
    await participant.open(REGION, stageArn, p.sessionId, p.participantId);
    const metrics = page.getByRole('region', { name: 'Metrics', exact: true });
    const legend = metrics.getByRole('list', { name: 'Events on the time axis' });
    await expect(legend).toContainText('JOINED');
    await expect(legend).toContainText('PUBLISH_STARTED');
    await expect(legend.locator('li[data-tone="bad"]')).toContainText('PUBLISH_ERROR (BITRATE_EXCEEDED)');
    const errorAt = Date.parse((await legend.locator('li[data-tone="bad"] time').getAttribute('datetime')) ?? '');

    const bitrate = metrics.getByRole('figure', { name: /Publish bitrate/ });
    await expect(bitrate.locator('canvas')).toBeVisible();
    const rows = await chartRows(bitrate);
    const video = rows.map((r) => ({ at: r.at, v: Number(r.values[1]) }));
    const before = video.filter((r) => r.at < errorAt - 10_000);
    const after = video.filter((r) => r.at >= errorAt && r.at < errorAt + 45_000);
    expect(before.length).toBeGreaterThan(0);
    const normal = Math.min(...before.map((r) => r.v));
    const dip = after.reduce((m, r) => (r.v < m.v ? r : m), { at: 0, v: Infinity });
    // About 2,500 kbit/s before; a quarter of that at the bottom of the spell, within 40 s of the error event.
    expect(normal).toBeGreaterThan(2_300);
    expect(dip.v).toBeLessThan(normal * 0.4);
    expect(dip.at - errorAt).toBeLessThan(40_000);
    // The other charts share the markers and the cursor; each has its console link.
    await expect(metrics.getByRole('link', { name: 'Open Publish bitrate in the CloudWatch console' })).toHaveAttribute('href', /#metricsV2:graph=.*PublishBitrate/);
    await page.screenshot({ path: 'test-results/participant-dip.png', fullPage: true });
    await screens(page, 'participant-charts', metrics);
  });

  test('an SDK too old to report says so instead of "no metrics yet"', async ({ signedInPage: page, ivs, control, stage }) => {
    const p = await joinParticipant(ivs, control, stage.arn, { userId: 'old-sdk', publish: true, clientInfo: { browserName: 'Chrome', sdkVersion: '1.4.0' } });
    const participant = new ParticipantPage(page);
    await participant.open(REGION, stage.arn, p.sessionId, p.participantId);
    await expect(page.getByRole('region', { name: 'Metrics', exact: true })).toContainText(
      'No metrics: this participant uses the Web broadcast SDK 1.4.0, and CloudWatch metrics come only from Web SDK 1.5.0 and later.',
    );
  });
});
