import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { ReplicationPage } from '../pages/ReplicationPage';
import { StageDetailPage } from '../pages/StageDetailPage';
import { StageListPage } from '../pages/StageListPage';

test('every view passes axe in light and dark mode (screenshots saved)', async ({ signedInPage: page, ivs, control, stage, checkA11y }) => {
  // Eleven axe passes over pages that now carry metric charts (each with its table of numbers): more than the
  // default 45 s on a busy machine.
  test.setTimeout(120_000);
  const p = await joinParticipant(ivs, control, stage.arn, {
    userId: 'a11y',
    publish: true,
    clientInfo: { osName: 'macOS', osVersion: '15', browserName: 'Safari', browserVersion: '19' },
  });
  await control.emitError({ stageArn: stage.arn, participantId: p.participantId, name: 'SUBSCRIBE_ERROR', errorCode: 'PUBLISHER_NOT_FOUND' });

  const list = new StageListPage(page);
  await list.open(REGION);
  await expect(list.row(stage.name)).toBeVisible();
  await checkA11y('stage-list');
  await list.createButton.click();
  await expect(page.getByRole('dialog', { name: 'Create stage' })).toBeVisible();
  await checkA11y('create-stage-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await expect(detail.participantRow(p.participantId)).toBeVisible();
  await checkA11y('stage-detail');

  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, p.sessionId, p.participantId);
  await expect(participant.events).toContainText('PUBLISHER_NOT_FOUND');
  await checkA11y('participant');

  const form = new ReplicationPage(page);
  await form.open(REGION);
  await form.submit.click();
  await expect(form.errorOf(form.source)).toBeVisible();
  await checkA11y('replication-form');

  await page.goto('/regions/us-east-1/stages/nope');
  await checkA11y('bad-link');
});

test('the configuration error page passes axe in light and dark mode', async ({ page, checkA11y }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { regions: [], pollIntervalsMs: {} } }));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /config.json needs fixing/ })).toBeVisible();
  await checkA11y('config-error');
});
