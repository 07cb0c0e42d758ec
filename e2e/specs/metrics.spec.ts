import { expect, test } from '../fixtures/test';
import { SUPPORT } from '../fixtures/auth';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';

// The emulator samples its metrics every 5 s of real time; these tests wait for a few samples rather than move the
// shared emulator's clock, which other specs rely on.
const SAMPLES_MS = 11_000;

for (const user of [undefined, SUPPORT]) {
  test.describe(user ? 'as support' : 'as producer', () => {
    if (user) test.use({ user });

    test('the participant page charts the publisher from CloudWatch, with the same numbers as a table', async ({ signedInPage: page, ivs, control, stage }) => {
      const p = await joinParticipant(ivs, control, stage.arn, { userId: 'charted', publish: true, clientInfo: { protocol: 'RTMPS' } });
      await page.waitForTimeout(SAMPLES_MS);
      const participant = new ParticipantPage(page);
      await participant.open(REGION, stage.arn, p.sessionId, p.participantId);

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
