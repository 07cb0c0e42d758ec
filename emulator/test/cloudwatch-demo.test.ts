// The demo scenario's story for the charts: the main show's guest has a shaky uplink. When its spell starts the
// service reports PUBLISH_ERROR BITRATE_EXCEEDED, and CloudWatch shows the bitrate dipping right after it.
import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { ListParticipantEventsCommand, ListParticipantsCommand, ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAKY_FIRST_MS } from '../src/scenarios/demo.ts';
import { startScenario, type RunningScenario } from '../src/scenarios/index.ts';
import { startEmulator, staticCredentials, type TestEmulator } from './support.ts';

let t: TestEmulator;
let scenario: RunningScenario;
let cw: CloudWatchClient;
beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 3_600_000 });
  scenario = await startScenario('demo', { url: t.url, emulator: t.emulator, seed: 7 });
  cw = new CloudWatchClient({ region: 'us-east-1', endpoint: t.url, credentials: staticCredentials, maxAttempts: 1 });
});
afterAll(async () => {
  scenario.stop();
  cw.destroy();
  await t.stop();
});

describe('demo scenario metrics', () => {
  it('degrades the guest of friday-live-main with BITRATE_EXCEEDED, and its bitrate dips after the event', async () => {
    const stage = (await t.ivs().send(new ListStagesCommand({}))).stages?.find((s) => s.name === 'friday-live-main');
    const stageArn = stage?.arn ?? '';
    const sessionId = stage?.activeSessionId ?? '';
    const guest = (await t.ivs().send(new ListParticipantsCommand({ stageArn, sessionId, filterByUserId: 'guest-leo.brandt' }))).participants?.[0];
    const participantId = guest?.participantId ?? '';
    expect(participantId).not.toBe('');
    await t.control.advanceClock(SHAKY_FIRST_MS + 1_000);
    // The scenario steps every 2 s of real time; the spell starts at the first step after its time.
    let eventTime: number | undefined;
    for (let i = 0; i < 40 && eventTime === undefined; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const events = (await t.ivs().send(new ListParticipantEventsCommand({ stageArn, sessionId, participantId }))).events ?? [];
      eventTime = events.find((e) => e.name === 'PUBLISH_ERROR' && e.errorCode === 'BITRATE_EXCEEDED')?.eventTime?.getTime();
    }
    if (eventTime === undefined) throw new Error('the guest never reported BITRATE_EXCEEDED');
    await t.control.advanceClock(60_000);

    const stageId = stageArn.split('/')[1] ?? '';
    const video = ((await cw.send(new ListMetricsCommand({ Namespace: 'AWS/IVSRealTime', MetricName: 'PublishBitrate', Dimensions: [{ Name: 'Participant', Value: participantId }, { Name: 'MediaType', Value: 'video' }] }))).Metrics ?? [])[0];
    expect(video?.Dimensions?.find((d) => d.Name === 'Stage')?.Value).toBe(stageId);
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(eventTime - 30_000), EndTime: new Date(eventTime + 60_000), ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        { Id: 'bitrate', MetricStat: { Metric: video, Period: 5, Stat: 'Average' } },
        { Id: 'subs', MetricStat: { Metric: { Namespace: 'AWS/IVSRealTime', MetricName: 'Subscribers', Dimensions: [{ Name: 'Stage', Value: stageId }] }, Period: 60, Stat: 'Maximum' } },
      ],
    }));
    const [bitrate, subs] = out.MetricDataResults ?? [];
    const within = (from: number, to: number) => (bitrate?.Values ?? []).filter((_, i) => { const x = bitrate?.Timestamps?.[i]?.getTime() ?? 0; return x >= from && x < to; });
    const before = within(eventTime - 25_000, eventTime - 5_000);
    const dip = within(eventTime + 20_000, eventTime + 40_000);
    expect(before.length).toBeGreaterThan(0);
    expect(dip.length).toBeGreaterThan(0);
    expect(Math.max(...dip)).toBeLessThan(0.5 * Math.min(...before));
    // The viewers subscribe to the stage's publishers.
    expect(Math.max(...(subs?.Values ?? [0]))).toBeGreaterThan(0);
  });
});
