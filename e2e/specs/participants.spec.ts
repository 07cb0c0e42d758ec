import { expect, test } from '../fixtures/test';
import { joinParticipant, REGION } from '../fixtures/ivsAdmin';
import { ParticipantPage } from '../pages/ParticipantPage';
import { StageDetailPage } from '../pages/StageDetailPage';

test('support opens a participant and reads its client fields and explained events', async ({ signedInPage: page, ivs, control, stage }) => {
  const p = await joinParticipant(ivs, control, stage.arn, {
    userId: 'guest-42',
    publish: true,
    attributes: { seat: 'A7' },
    clientInfo: { osName: 'Linux', osVersion: '6.1', browserName: 'Firefox', browserVersion: '140.0', sdkVersion: '1.25.0', ispName: 'ExampleNet', protocol: 'WHIP' },
  });
  await control.emitError({ stageArn: stage.arn, participantId: p.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });

  const detail = new StageDetailPage(page);
  await detail.open(REGION, stage.arn);
  await detail.openParticipant(p.participantId);

  const participant = new ParticipantPage(page);
  await expect(participant.heading).toContainText(p.participantId);
  await expect(participant.field('User id')).toHaveText('guest-42');
  await expect(participant.field('Operating system')).toHaveText('Linux 6.1');
  await expect(participant.field('Browser')).toHaveText('Firefox 140.0');
  await expect(participant.field('IVS SDK version')).toHaveText('1.25.0');
  await expect(participant.field('Internet provider (ISP)')).toHaveText('ExampleNet');
  await expect(participant.field('Ingest protocol')).toHaveText('WHIP');
  await expect(participant.field('Attributes')).toContainText('seat = A7');
  await expect(participant.field('Source stage')).toContainText('only replicas have a source stage');
  await expect(participant.field('Recording bucket')).toContainText('not being recorded');

  await expect(participant.events).toContainText('JOINED');
  await expect(participant.events).toContainText('PUBLISH_STARTED');
  await expect(participant.events).toContainText('Error code BITRATE_EXCEEDED: The media sent was above the maximum bitrate');
});

test('a deep link to a participant survives a reload and back/forward', async ({ signedInPage: page, ivs, control, stage }) => {
  const p = await joinParticipant(ivs, control, stage.arn, { userId: 'deep-link' });
  const participant = new ParticipantPage(page);
  await participant.open(REGION, stage.arn, p.sessionId, p.participantId);
  await expect(participant.field('User id')).toHaveText('deep-link');
  const url = page.url();

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(participant.field('User id')).toHaveText('deep-link');

  await page.getByRole('link', { name: p.sessionId }).first().click();
  await expect(new StageDetailPage(page).heading).toBeVisible();
  await page.goBack();
  await expect(participant.field('User id')).toHaveText('deep-link');
});

test('a malformed link says what is wrong with it', async ({ signedInPage: page }) => {
  await page.goto('/regions/us-east-1/stages/not-an-arn/sessions/st-bad/participants/x_y');
  await expect(page.getByRole('heading', { name: 'This link cannot be opened' })).toBeVisible();
  await expect(page.getByText('"not-an-arn" is not a stage ARN')).toBeVisible();
  await expect(page.getByText('"st-bad" is not a session id')).toBeVisible();
  await expect(page.getByText('"x_y" is not a participant id')).toBeVisible();
});
