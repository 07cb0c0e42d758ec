import { CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import { PRODUCER, signIn, SUPPORT } from '../fixtures/auth';
import { aimAppAt, createChildEmulator, type ChildEmulator } from '../fixtures/childEmulator';
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
  test.describe(user === SUPPORT ? 'as support' : 'as producer', () => {
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

      const metrics = page.getByRole('region', { name: 'Metrics (last 15 minutes)' });
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
  await expect(page.getByRole('region', { name: 'Metrics (last 15 minutes)' })).toContainText('No metrics yet. CloudWatch reports a participant only while it publishes');
});
