// The app's CloudWatch module (src/aws/cloudwatch/client.ts, the lazily loaded chunk) against the emulator, signed
// with a signed-in user's Cognito credentials as in the browser: points oldest first, ListMetrics walked.
import { CreateParticipantTokenCommand, CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudWatch, type CloudWatchPort } from '../../src/aws/cloudwatch/client.ts';
import { IVS_NAMESPACE, participantFilter, stageMetric } from '../../src/aws/cloudwatch/ivs.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
let cw: CloudWatchPort;
let stageArn = '';
let participantId = '';
beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 3_600_000 });
  stageArn = (await t.ivs().send(new CreateStageCommand({ name: 'app-metrics' }))).stage?.arn ?? '';
  const token = (await t.ivs().send(new CreateParticipantTokenCommand({ stageArn }))).participantToken?.token ?? '';
  participantId = (await t.control.join({ token, clientInfo: { protocol: 'RTMPS' } })).participantId;
  await t.control.publish({ stageArn, participantId });
  await t.control.advanceClock(10 * 60_000);
  cw = createCloudWatch(
    { id: 'us-east-1', identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001', cloudwatchEndpoint: t.url },
    t.cognitoCredentials('us-east-1', 'sam.support'),
    { maxAttempts: 1, retryMode: 'standard' },
  );
});
afterAll(async () => {
  cw.destroy();
  await t.stop();
});

describe('the app CloudWatch client', () => {
  it('lists one participant\'s metrics with its stage and participant filter', async () => {
    const metrics = await cw.listMetrics(participantFilter(stageArn, participantId));
    expect(metrics.every((m) => m.namespace === IVS_NAMESPACE)).toBe(true);
    expect(metrics.map((m) => m.metricName).sort()).toEqual(['PublishBitrate', 'PublishBitrate', 'PublishFramerate', 'PublishFramerate', 'PublishResolution']);
  });

  it('reads a stage series as epoch-ms points, oldest first', async () => {
    const now = Math.floor(Date.parse((await t.control.health()).now) / 5_000) * 5_000;
    const request = { queries: [{ id: 'pubs', metric: stageMetric('Publishers', stageArn), period: 5, stat: 'Maximum' }], startTime: now - 5 * 60_000, endTime: now };
    const data = await cw.getMetricData(request);
    const series = data.series[0];
    expect(series?.label).toBe('Publishers');
    expect(series?.status).toBe('Complete');
    expect(series?.points.length).toBe(60);
    expect(series?.points.every((p, i, all) => p.v === 1 && (i === 0 || p.t - (all[i - 1]?.t ?? 0) === 5_000))).toBe(true);
    expect(data.messages).toEqual([]);
  });
});
