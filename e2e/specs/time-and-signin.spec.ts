// One way to show time and states across views, and a link opened in a new tab landing signed in while the
// managed-login session lives (silent sign-in with prompt=none), and on the sign-in page once it has ended.
import { expect, test } from '../fixtures/test';
import { PRODUCER, fillLoginForm, userBox } from '../fixtures/auth';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { StageDetailPage } from '../pages/StageDetailPage';

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
