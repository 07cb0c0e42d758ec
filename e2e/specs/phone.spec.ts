import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';

// Every view at phone size (390 × 844) must not scroll sideways; screenshots of each at phone and desktop size,
// light and dark, go to .test-output/screens (git-ignored) for people to look at.
const SCREENS = '.test-output/screens';
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 860 },
] as const;

test('every view fits a phone without sideways scrolling', async ({ signedInPage: page, ivs, control, stage, otherStage }) => {
  test.setTimeout(180_000);
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host-phone.with-a-long-user-id', publish: true, attributes: { displayName: 'Phone Host' } });
  await joinParticipant(ivs, control, stage.arn, { userId: 'viewer-phone' });
  const enc = encodeURIComponent;
  const participant = `/regions/${REGION}/stages/${enc(stage.arn)}/sessions/${host.sessionId}/participants/${host.participantId}`;
  const views: { name: string; path: string; ready: RegExp }[] = [
    { name: 'stages', path: `/regions/${REGION}/stages`, ready: /^Stages in/ },
    { name: 'stage', path: `/regions/${REGION}/stages/${enc(stage.arn)}`, ready: new RegExp(`^Stage ${stage.name}`) },
    { name: 'session', path: `/regions/${REGION}/stages/${enc(stage.arn)}/sessions/${host.sessionId}`, ready: /^Stage / },
    { name: 'participant', path: participant, ready: /^Participant/ },
    { name: 'story', path: `${participant}/story`, ready: /story/i },
    { name: 'find-user', path: `/find-user?q=host-phone.with-a-long-user-id`, ready: /Find a user/ },
    { name: 'replication-map', path: `/regions/${REGION}/replications`, ready: /Replication map/ },
    { name: 'replicate', path: `/regions/${REGION}/replicate?source=${enc(stage.arn)}&destination=${enc(otherStage.arn)}`, ready: /Replicate a participant/ },
  ];
  const overflowing: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const view of views) {
      await page.goto(view.path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(view.ready);
      await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 15_000 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { scrollWidth, innerWidth } = await page.evaluate(() => {
          const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
          return { scrollWidth: g.document.documentElement.scrollWidth, innerWidth: g.innerWidth };
        });
        if (size.name === 'phone' && scrollWidth > innerWidth) overflowing.push(`${view.name}: ${scrollWidth} > ${innerWidth}`);
        await page.screenshot({ path: `${SCREENS}/${view.name}-${size.name}-${scheme}.png`, fullPage: true });
      }
    }
  }
  expect(overflowing, 'views that scroll sideways at 390 px').toEqual([]);
});
