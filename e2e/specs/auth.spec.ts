import { expect, test } from '../fixtures/test';
import { DISABLED, fillLoginForm, PRODUCER, signIn, SUPPORT, userBox } from '../fixtures/auth';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

/** Every control that changes something, by accessible name. */
const MUTATING = /^(Create stage|Edit|Delete|Edit name and tags|Create participant token|Disconnect|Stop|Start replication|Replicate.*)$/;

test('nothing is shown before sign-in, and each staff user signs in with their role', async ({ page }) => {
  await page.goto(`/regions/${REGION}/stages`);
  await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  await signIn(page, PRODUCER, `/regions/${REGION}/stages`);
  await expect(userBox(page)).toContainText('producer');
  // Back on the page the producer asked for, and the code is gone from the address bar.
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/stages$`));
  await expect(page.getByRole('button', { name: 'Create stage' })).toBeVisible();
  const stored = await page.evaluate(() => {
    const g = globalThis as unknown as { localStorage: { length: number } };
    return g.localStorage.length;
  });
  expect(stored, 'nothing in localStorage').toBe(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  await signIn(page, SUPPORT);
  await expect(userBox(page)).toContainText('support');
});

test('support sees no mutating control, and a forced mutation is refused with a clear message', async ({ page, ivs, control, stage, otherStage }) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'host', publish: true });
  await signIn(page, SUPPORT, '/signed-in');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Replicate' })).toHaveCount(0);

  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  await expect(list.row(stage.name)).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: MUTATING })).toHaveCount(0);

  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(host.participantId)).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: MUTATING })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: /^Replicate/ })).toHaveCount(0);

  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, host.sessionId, host.participantId);
  await expect(participant.replicas).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: MUTATING })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: /^Replicate/ })).toHaveCount(0);

  // Typing the form's address works, but it says up front that support may not replicate and offers no submit.
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await expect(page.getByText('Your role (support) may not start participant replication — ask a producer.')).toBeVisible();
  await expect(form.submit).toHaveCount(0);
  // Forcing the submit anyway (as a script or devtools could): IAM refuses, and the app says so plainly.
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn });
  await page.locator('form.form').evaluate((f) => (f as unknown as { requestSubmit(): void }).requestSubmit());
  const alert = page.getByRole('alert').filter({ hasText: 'Not allowed for your role' });
  await expect(alert).toContainText('Your role (support) may not start participant replication — ask a producer.');
  await expect(alert).toContainText(/Request id: \S+/);
  const log = await control.requestLog();
  expect(log.entries.filter((e) => e.operation === 'StartParticipantReplication').map((e) => e.status)).toContain(403);
});

test('a disabled user is refused at the login form', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await fillLoginForm(page, DISABLED);
  await expect(page.getByText('User is disabled.')).toBeVisible();
  await expect(page).not.toHaveURL(/127\.0\.0\.1:4173/);
});

test('after sign-out, the back button shows no data', async ({ signedInPage: page, stage }) => {
  const list = new StageListPage(page);
  await list.open(REGION);
  await list.filterByName(stage.name);
  await expect(list.row(stage.name)).toBeVisible();
  const detail = new StageDetailPage(page);
  await list.openStage(stage.name);
  await expect(detail.heading).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  await expect(page).toHaveURL('http://127.0.0.1:4173/');
  const keys = await page.evaluate(() => {
    const g = globalThis as unknown as { sessionStorage: object; localStorage: object };
    return [...Object.keys(g.sessionStorage), ...Object.keys(g.localStorage)];
  });
  expect(keys, 'no tokens, drafts or identity ids left in Web Storage').toEqual([]);

  // Back through the stage list and the page before it: both start the app afresh, signed out.
  for (let i = 0; i < 2; i++) {
    await page.goBack();
    await expect(page.getByRole('heading', { name: /Sign in to Greenroom|Your session has ended/ })).toBeVisible();
    await expect(page.getByText(stage.name)).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  // The user pool's login session ended too: signing in again asks for the password.
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
});

test('an expired session goes back through sign-in and returns to the same view with the form intact', async ({
  signedInPage: page,
  ivs,
  control,
  stage,
  otherStage,
}) => {
  const host = await joinParticipant(ivs, control, stage.arn, { userId: 'late-host', publish: true });
  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.fill({ source: stage.arn, participantId: host.participantId, destination: otherStage.arn, window: '45' });
  await form.addAttribute('note', 'typed before expiry');
  const url = page.url();

  // 31 days later: ID token, AWS credentials, the refresh token (30 days) and the login session have all expired.
  await control.advanceClock(31 * 24 * 3600 * 1000);
  await form.submit.click();
  await expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await fillLoginForm(page, PRODUCER);

  await expect(form.heading).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(form.source).toHaveValue(stage.arn);
  await expect(form.destination).toHaveValue(otherStage.arn);
  await expect(form.reconnectWindow).toHaveValue('45');
  await expect(page.getByLabel('Attributes value 1')).toHaveValue('typed before expiry');
});
