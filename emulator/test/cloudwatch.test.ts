// CloudWatch on the emulator's port through the real JS SDK: AWS JSON 1.0 (the SDK's default) and awsQuery (forced,
// as older clients speak it), static and Cognito credentials, every documented GetMetricData limit and error, and
// AWS/IVSRealTime metrics that follow the emulator's participants.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudWatchClient, GetMetricDataCommand, ListMetricsCommand, PutMetricDataCommand,
  type GetMetricDataCommandInput, type ListMetricsCommandInput, type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { AwsQueryProtocol } from '@aws-sdk/core/protocols';
import { CreateParticipantTokenCommand, CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IAM_DIR, ROLE_POLICY_FILES } from '../src/iam/policy.ts';
import { cloudwatchLimits } from '../src/model/generated/cloudwatch-limits.ts';
import { BURST_MS } from '../src/metrics/quality.ts';
import { startEmulator, staticCredentials, type TestEmulator } from './support.ts';

const NS = 'AWS/IVSRealTime';
let t: TestEmulator;
let stageArn = '';
let stageId = '';
const ids = { web: '', rtmp: '', viewer: '' };
const clients: CloudWatchClient[] = [];

function cw(opts: { query?: boolean; credentials?: CloudWatchClient['config']['credentials'] | typeof staticCredentials; url?: string } = {}): CloudWatchClient {
  const c = new CloudWatchClient({
    region: 'us-east-1', endpoint: opts.url ?? t.url, credentials: opts.credentials ?? staticCredentials, maxAttempts: 1,
    ...(opts.query ? { protocol: AwsQueryProtocol as never } : {}),
  });
  clients.push(c);
  return c;
}

async function now(): Promise<number> {
  return Date.parse((await t.control.health()).now);
}

async function joinAs(userId: string, protocol: 'WHIP' | 'RTMPS', publish: boolean): Promise<string> {
  const token = (await t.ivs().send(new CreateParticipantTokenCommand({ stageArn, userId }))).participantToken?.token ?? '';
  const { participantId } = await t.control.join({ token, clientInfo: { protocol } });
  if (publish) await t.control.publish({ stageArn, participantId });
  return participantId;
}

const stat = (Id: string, MetricName: string, Dimensions: { Name: string; Value: string }[], Period = 60, Stat = 'Maximum'): MetricDataQuery => ({
  Id, MetricStat: { Metric: { Namespace: NS, MetricName, Dimensions }, Period, Stat },
});
const stageDims = () => [{ Name: 'Stage', Value: stageId }];
const who = (participantId: string) => [{ Name: 'Stage', Value: stageId }, { Name: 'Participant', Value: participantId }];

/** The error a call fails with (the test fails when it succeeds). */
async function failure(p: Promise<unknown>): Promise<Error & { Code?: string; Type?: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 3_600_000 });
  stageArn = (await t.ivs().send(new CreateStageCommand({ name: 'metrics' }))).stage?.arn ?? '';
  stageId = stageArn.split('/')[1] ?? '';
  ids.web = await joinAs('web-publisher', 'WHIP', true);
  ids.rtmp = await joinAs('rtmp-encoder', 'RTMPS', true);
  ids.viewer = await joinAs('viewer', 'WHIP', false);
  await t.control.subscribe({ stageArn, participantId: ids.viewer, remoteParticipantId: ids.web });
  // The encoder also receives the web publisher, so it has the per-participant subscribe metrics.
  await t.control.subscribe({ stageArn, participantId: ids.rtmp, remoteParticipantId: ids.web });
  await t.control.advanceClock(10 * 60_000);
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await t.stop();
});

describe('metrics that follow the participants', () => {
  it('counts publishers and subscribers per stage, and a new publisher raises the count', async () => {
    const end = await now();
    const ask = () => cw().send(new GetMetricDataCommand({
      StartTime: new Date(end - 5 * 60_000), EndTime: new Date(end + 10 * 60_000), ScanBy: 'TimestampDescending',
      MetricDataQueries: [stat('pubs', 'Publishers', stageDims()), stat('subs', 'Subscribers', stageDims())],
    }));
    const before = await ask();
    expect(before.MetricDataResults?.map((r) => [r.Id, r.Values?.[0]])).toEqual([['pubs', 2], ['subs', 2]]);
    const third = await joinAs('late-guest', 'WHIP', true);
    await t.control.advanceClock(2 * 60_000);
    const after = await ask();
    expect(after.MetricDataResults?.[0]?.Values?.[0]).toBe(3);
    await t.control.leave({ stageArn, participantId: third });
    await t.control.advanceClock(2 * 60_000);
    const left = await ask();
    // The newest minute has only the two who stayed.
    expect(left.MetricDataResults?.[0]?.Values?.[0]).toBe(2);
  });

  it('lists exactly the documented dimension sets for each kind of participant', async () => {
    const sets = async (participantId: string) =>
      ((await cw().send(new ListMetricsCommand({ Namespace: NS, Dimensions: [{ Name: 'Stage', Value: stageId }, { Name: 'Participant', Value: participantId }] }))).Metrics ?? [])
        .map((m) => `${m.MetricName}:${(m.Dimensions ?? []).map((d) => (d.Name === 'Stage' || d.Name === 'Participant' ? d.Name : `${d.Name}=${d.Value}`)).join(',')}`)
        .sort();
    const web = await sets(ids.web);
    // The web publisher sends video (one layer, or three in simulcast) and audio; no framerate (RTMP only), no
    // subscribe metrics (it receives no one).
    expect(web).toContain('PublishBitrate:Stage,Participant,SimulcastLayer=none,MediaType=audio');
    expect(web.filter((s) => s.startsWith('PublishBitrate:') && s.endsWith('MediaType=video')).length).toBeOneOf([1, 3]);
    expect(web.filter((s) => s.startsWith('PublishResolution:')).length).toBe(web.filter((s) => s.startsWith('PublishBitrate:') && s.endsWith('video')).length);
    expect(web.some((s) => /^(PublishFramerate|SubscribeBitrate|DownloadPacketLoss|DroppedFrames):/.test(s))).toBe(false);
    expect(await sets(ids.rtmp)).toEqual([
      'DownloadPacketLoss:Stage,Participant',
      'DroppedFrames:Stage,Participant',
      'PublishBitrate:Stage,Participant,SimulcastLayer=none,MediaType=audio',
      'PublishBitrate:Stage,Participant,SimulcastLayer=none,MediaType=video',
      'PublishFramerate:Stage,Participant',
      'PublishFramerate:Stage,Participant,SimulcastLayer=none,MediaType=video',
      'PublishResolution:Stage,Participant,SimulcastLayer=none,MediaType=video',
      'SubscribeBitrate:Stage,Participant,MediaType=audio',
      'SubscribeBitrate:Stage,Participant,MediaType=video',
    ]);
    // A viewer that does not publish has no per-participant metrics at all.
    expect(await sets(ids.viewer)).toEqual([]);
  });

  it('filters ListMetrics by namespace, name and dimension (a name alone matches any value; extra dimensions still match)', async () => {
    const list = async (input: ListMetricsCommandInput) => (await cw().send(new ListMetricsCommand(input))).Metrics ?? [];
    const stageWide = await list({ Namespace: NS, MetricName: 'Publishers' });
    expect(stageWide.map((m) => m.Dimensions)).toEqual([[{ Name: 'Stage', Value: stageId }]]);
    const withLayer = await list({ Namespace: NS, Dimensions: [{ Name: 'SimulcastLayer' }] });
    expect(withLayer.length).toBeGreaterThan(0);
    expect(withLayer.every((m) => m.Dimensions?.some((d) => d.Name === 'SimulcastLayer'))).toBe(true);
    expect(await list({ Namespace: 'AWS/EC2' })).toEqual([]);
    expect(await list({ Namespace: NS, MetricName: 'publishers' })).toEqual([]);
    const regional = await list({ Namespace: NS, MetricName: 'ConcurrentPublishers' });
    expect(regional).toEqual([{ Namespace: NS, MetricName: 'ConcurrentPublishers', Dimensions: [] }]);
  });

  it('follows a publisher whose network degrades: a burst over the limit, then the bitrate dips and the resolution steps down', async () => {
    const start = (await t.control.setNetwork({ stageArn, participantId: ids.rtmp, severity: 0.8, durationMs: 60_000 })).network[0]?.from ?? 0;
    await t.control.advanceClock(3 * 60_000);
    const video = [...who(ids.rtmp), { Name: 'SimulcastLayer', Value: 'none' }, { Name: 'MediaType', Value: 'video' }];
    const out = await cw().send(new GetMetricDataCommand({
      StartTime: new Date(start - 60_000), EndTime: new Date(start + 3 * 60_000), ScanBy: 'TimestampAscending',
      MetricDataQueries: [stat('bitrate', 'PublishBitrate', video, 5, 'Average'), stat('height', 'PublishResolution', video, 5, 'Minimum'), stat('loss', 'DownloadPacketLoss', who(ids.rtmp), 5, 'Average')],
    }));
    const [bitrate, height, loss] = out.MetricDataResults ?? [];
    const at = (r: typeof bitrate, from: number, to: number) => (r?.Values ?? []).filter((_, i) => { const x = r?.Timestamps?.[i]?.getTime() ?? 0; return x >= from && x < to; });
    const healthy = at(bitrate, start - 60_000, start);
    const burst = at(bitrate, start, start + BURST_MS);
    const dip = at(bitrate, start + 20_000, start + 60_000);
    const recovered = at(bitrate, start + 90_000, start + 3 * 60_000);
    expect(Math.min(...burst)).toBeGreaterThan(Math.max(...healthy));
    expect(Math.max(...dip)).toBeLessThan(0.5 * Math.min(...healthy));
    expect(Math.min(...recovered)).toBeGreaterThan(0.9 * Math.min(...healthy));
    expect(Math.min(...at(height, start + 20_000, start + 60_000))).toBeLessThan(Math.min(...at(height, start - 60_000, start)));
    expect(Math.max(...at(loss, start + 20_000, start + 60_000))).toBeGreaterThan(5 * Math.max(...at(loss, start - 60_000, start)));
  });
});

describe('GetMetricData semantics', () => {
  const bitrateOf = () => stat('b', 'PublishBitrate', [...who(ids.web), { Name: 'MediaType', Value: 'audio' }, { Name: 'SimulcastLayer', Value: 'none' }], 60, 'Average');

  it('aligns datapoints to the period from the rounded-down start, keeps the end exclusive, and orders by ScanBy', async () => {
    const end = Math.floor((await now()) / 60_000) * 60_000;
    const start = end - 5 * 60_000 + 37_000;
    const desc = await cw().send(new GetMetricDataCommand({ StartTime: new Date(start), EndTime: new Date(end), MetricDataQueries: [bitrateOf()] }));
    const times = desc.MetricDataResults?.[0]?.Timestamps?.map((d) => d.getTime()) ?? [];
    // Start 12:xx:37 rounds down to the minute, so the buckets are whole minutes; the end's own minute is out.
    expect(times).toEqual([end - 60_000, end - 120_000, end - 180_000, end - 240_000, end - 300_000]);
    const asc = await cw().send(new GetMetricDataCommand({ StartTime: new Date(start), EndTime: new Date(end), ScanBy: 'TimestampAscending', MetricDataQueries: [bitrateOf()] }));
    expect(asc.MetricDataResults?.[0]?.Timestamps?.map((d) => d.getTime())).toEqual([...times].reverse());
    expect(asc.MetricDataResults?.[0]?.Label).toBe('PublishBitrate');
    expect(asc.Messages).toEqual([]);
  });

  it('computes the statistics over the 5-second samples of each period', async () => {
    const end = Math.floor((await now()) / 60_000) * 60_000;
    const q = (Id: string, Stat: string) => ({ ...bitrateOf(), Id, MetricStat: { ...bitrateOf().MetricStat!, Stat } });
    const out = await cw().send(new GetMetricDataCommand({
      StartTime: new Date(end - 60_000), EndTime: new Date(end),
      MetricDataQueries: [q('n', 'SampleCount'), q('lo', 'Minimum'), q('avg', 'Average'), q('hi', 'Maximum'), q('sum', 'Sum'), q('med', 'p50')],
    }));
    const v = Object.fromEntries((out.MetricDataResults ?? []).map((r) => [r.Id, r.Values?.[0] ?? NaN]));
    expect(v.n).toBe(12);
    expect(v.lo).toBeLessThanOrEqual(v.avg as number);
    expect(v.avg).toBeLessThanOrEqual(v.hi as number);
    expect(v.sum).toBeCloseTo((v.avg as number) * 12, 3);
    expect(v.med).toBeGreaterThanOrEqual(v.lo as number);
  });

  it('pages by MaxDatapoints with PartialData and NextToken, and the pages add up to the whole answer', async () => {
    const end = await now();
    const input: GetMetricDataCommandInput = {
      StartTime: new Date(end - 8 * 60_000), EndTime: new Date(end), ScanBy: 'TimestampAscending',
      MetricDataQueries: [bitrateOf(), stat('p', 'Publishers', stageDims())],
    };
    const whole = await cw().send(new GetMetricDataCommand(input));
    expect(whole.NextToken).toBeUndefined();
    const seen = new Map<string, number[]>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await cw().send(new GetMetricDataCommand({ ...input, MaxDatapoints: 3, NextToken: token }));
      pages += 1;
      const count = (page.MetricDataResults ?? []).reduce((n, r) => n + (r.Values?.length ?? 0), 0);
      expect(count).toBeLessThanOrEqual(3);
      if (page.NextToken) expect(page.MetricDataResults?.some((r) => r.StatusCode === 'PartialData')).toBe(true);
      for (const r of page.MetricDataResults ?? []) seen.set(r.Id ?? '', [...(seen.get(r.Id ?? '') ?? []), ...(r.Values ?? [])]);
      token = page.NextToken;
    } while (token && pages < 50);
    expect(pages).toBeGreaterThan(2);
    for (const r of whole.MetricDataResults ?? []) expect(seen.get(r.Id ?? '')).toEqual(r.Values);
  });

  it('returns nothing for a unit other than the stored one, and the data for the stored unit', async () => {
    const end = await now();
    const q = (Unit?: 'Bits/Second' | 'Bytes/Second') => ({ ...bitrateOf(), MetricStat: { ...bitrateOf().MetricStat!, ...(Unit ? { Unit } : {}) } });
    const run = async (Unit?: 'Bits/Second' | 'Bytes/Second') =>
      (await cw().send(new GetMetricDataCommand({ StartTime: new Date(end - 5 * 60_000), EndTime: new Date(end), MetricDataQueries: [q(Unit)] }))).MetricDataResults?.[0]?.Values?.length ?? 0;
    expect(await run('Bits/Second')).toBeGreaterThan(0);
    expect(await run('Bytes/Second')).toBe(0);
  });

  it('keeps sub-minute periods for three hours only, as CloudWatch does', async () => {
    await t.control.advanceClock(4 * 3600_000);
    const end = await now();
    const old = (Period: number) => ({ StartTime: new Date(end - 3.5 * 3600_000), EndTime: new Date(end - 3.4 * 3600_000), MetricDataQueries: [{ ...bitrateOf(), MetricStat: { ...bitrateOf().MetricStat!, Period } }] });
    expect((await cw().send(new GetMetricDataCommand(old(5)))).MetricDataResults?.[0]?.Values).toEqual([]);
    expect((await cw().send(new GetMetricDataCommand(old(60)))).MetricDataResults?.[0]?.Values?.length).toBeGreaterThan(0);
  });

  it('sends no datapoint from the future', async () => {
    const end = await now();
    const out = await cw().send(new GetMetricDataCommand({ StartTime: new Date(end - 60_000), EndTime: new Date(end + 3600_000), ScanBy: 'TimestampDescending', MetricDataQueries: [{ ...bitrateOf(), MetricStat: { ...bitrateOf().MetricStat!, Period: 5 } }] }));
    expect(out.MetricDataResults?.[0]?.Timestamps?.[0]?.getTime()).toBeLessThanOrEqual(end);
  });
});

describe('GetMetricData limits and errors (JSON protocol)', () => {
  const base = async (queries: MetricDataQuery[], extra: Partial<GetMetricDataCommandInput> = {}) => {
    const end = await now();
    return cw().send(new GetMetricDataCommand({ StartTime: new Date(end - 600_000), EndTime: new Date(end), MetricDataQueries: queries, ...extra }));
  };
  const ok = stat('m1', 'Publishers', [{ Name: 'Stage', Value: 'x' }]);

  it.each<[string, () => Promise<unknown>, string, string, RegExp]>([
    [`more than ${cloudwatchLimits.maxMetricDataQueries} queries`, () => base(Array.from({ length: cloudwatchLimits.maxMetricDataQueries + 1 }, (_, i) => ({ ...ok, Id: `m${i}` }))), 'InvalidParameterValueException', 'InvalidParameterValue', /must not have a size greater than 500 \(got 501\)/],
    ['an Id that starts with a capital', () => base([{ ...ok, Id: 'Bitrate' }]), 'ValidationError', 'ValidationError', /The value Bitrate for parameter MetricDataQueries\.member\.1\.Id is not matching the expected pattern/],
    ['an Id used twice', () => base([ok, ok]), 'InvalidParameterValueException', 'InvalidParameterValue', /m1 .*member\.2\.Id is already used by MetricDataQueries\.member\.1/],
    ['a period of 7 s', () => base([{ ...ok, MetricStat: { ...ok.MetricStat!, Period: 7 } }]), 'InvalidParameterValueException', 'InvalidParameterValue', /Period must be 1, 5, 10, 20, 30 or a multiple of 60 \(got 7\)/],
    ['a period of 90 s', () => base([{ ...ok, MetricStat: { ...ok.MetricStat!, Period: 90 } }]), 'InvalidParameterValueException', 'InvalidParameterValue', /got 90/],
    ['an unknown statistic', () => base([{ ...ok, MetricStat: { ...ok.MetricStat!, Stat: 'Mean' } }]), 'InvalidParameterValueException', 'InvalidParameterValue', /Mean .*is not a valid statistic/],
    ['MetricStat and Expression together', () => base([{ ...ok, Expression: 'SUM(METRICS())' }]), 'InvalidParameterCombinationException', 'InvalidParameterCombination', /both MetricStat and Expression/],
    ['neither MetricStat nor Expression', () => base([{ Id: 'm1' }]), 'MissingRequiredParameterException', 'MissingParameter', /needs either MetricStat or Expression/],
    ['a missing Period', () => base([{ Id: 'm1', MetricStat: { Metric: ok.MetricStat!.Metric, Stat: 'Average' } as never }]), 'MissingRequiredParameterException', 'MissingParameter', /MetricDataQueries\.member\.1\.MetricStat\.Period is required/],
    ['a start after the end', async () => { const end = await now(); return cw().send(new GetMetricDataCommand({ StartTime: new Date(end), EndTime: new Date(end - 60_000), MetricDataQueries: [ok] })); }, 'InvalidParameterValueException', 'InvalidParameterValue', /StartTime must be less than the parameter EndTime/],
    ['MaxDatapoints of 0', () => base([ok], { MaxDatapoints: 0 }), 'InvalidParameterValueException', 'InvalidParameterValue', /MaxDatapoints must be at least 1/],
    ['a NextToken from nowhere', () => base([ok], { NextToken: 'bm90LWEtdG9rZW4' }), 'InvalidNextToken', 'InvalidNextToken', /malformed or belongs to a different request/],
    ['a bad label time zone', () => base([ok], { LabelOptions: { Timezone: '+2500' } }), 'InvalidParameterValueException', 'InvalidParameterValue', /\+HHMM or -HHMM/],
    ['an Id longer than 255 characters', () => base([{ ...ok, Id: `m${'x'.repeat(255)}` }]), 'ValidationError', 'ValidationError', /at most 255 characters/],
    ['a metric math expression', () => base([{ Id: 'e1', Expression: 'SUM(METRICS())' }]), 'InvalidParameterValueException', 'InvalidParameterValue', /does not evaluate metric math/],
  ])('refuses %s (400, with the query-error code)', async (_what, call, name, code, message) => {
    const e = await failure(call());
    expect(e.name).toBe(name);
    expect(e.Code).toBe(code);
    expect(e.Type).toBe('Sender');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.message).toMatch(message);
  });

  it('refuses a token reused with a different request', async () => {
    const end = await now();
    const input = { StartTime: new Date(end - 600_000), EndTime: new Date(end), MaxDatapoints: 1, MetricDataQueries: [stat('p', 'Publishers', stageDims())] };
    const first = await cw().send(new GetMetricDataCommand(input));
    expect(first.NextToken).toBeTruthy();
    const e = await failure(cw().send(new GetMetricDataCommand({ ...input, StartTime: new Date(end - 900_000), NextToken: first.NextToken })));
    expect(e.name).toBe('InvalidNextToken');
  });

  it('answers an operation it does not serve, and bad credentials, in CloudWatch terms', async () => {
    const put = await failure(cw().send(new PutMetricDataCommand({ Namespace: 'Custom', MetricData: [{ MetricName: 'x', Value: 1 }] })));
    expect(put.Code).toBe('InvalidAction');
    expect(put.message).toMatch(/PutMetricData is a CloudWatch operation this emulator does not serve/);
    const forged = await failure(cw({ credentials: { ...staticCredentials, secretAccessKey: 'wrong-secret-000000000000000000000000000' } }).send(new ListMetricsCommand({})));
    expect(forged.$metadata.httpStatusCode).toBe(403);
    expect(forged.Code).toBe('SignatureDoesNotMatch');
    const unknown = await failure(cw({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } }).send(new ListMetricsCommand({})));
    expect(unknown.Code).toBe('InvalidClientTokenId');
  });
});

describe('awsQuery (older clients)', () => {
  it('serves GetMetricData and ListMetrics as form-encoded requests with XML answers', async () => {
    const end = await now();
    const input: GetMetricDataCommandInput = { StartTime: new Date(end - 5 * 60_000), EndTime: new Date(end), ScanBy: 'TimestampAscending', MetricDataQueries: [stat('p', 'Publishers', stageDims()), stat('s', 'Subscribers', stageDims())] };
    const [json, query] = await Promise.all([cw().send(new GetMetricDataCommand(input)), cw({ query: true }).send(new GetMetricDataCommand(input))]);
    expect(query.MetricDataResults).toEqual(json.MetricDataResults);
    expect(query.MetricDataResults?.[0]?.Values?.length).toBeGreaterThan(0);
    const listed = await cw({ query: true }).send(new ListMetricsCommand({ Namespace: NS, Dimensions: [{ Name: 'Participant', Value: ids.rtmp }] }));
    expect(listed.Metrics?.length).toBe(9);
  });

  it('pages and fails the same way, with the query error codes', async () => {
    const end = await now();
    const input: GetMetricDataCommandInput = { StartTime: new Date(end - 5 * 60_000), EndTime: new Date(end), MaxDatapoints: 2, MetricDataQueries: [stat('p', 'Publishers', stageDims())] };
    const first = await cw({ query: true }).send(new GetMetricDataCommand(input));
    expect(first.MetricDataResults?.[0]?.StatusCode).toBe('PartialData');
    const second = await cw({ query: true }).send(new GetMetricDataCommand({ ...input, NextToken: first.NextToken }));
    expect(second.MetricDataResults?.[0]?.Timestamps?.[0]?.getTime()).toBeLessThan(first.MetricDataResults?.[0]?.Timestamps?.[1]?.getTime() ?? 0);
    const e = await failure(cw({ query: true }).send(new GetMetricDataCommand({ ...input, MetricDataQueries: [{ ...stat('p', 'Publishers', stageDims()), Id: '1p' }] })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['ValidationError', 400]);
    const token = await failure(cw({ query: true }).send(new GetMetricDataCommand({ ...input, NextToken: 'garbage' })));
    expect([token.name, token.$metadata.httpStatusCode]).toEqual(['InvalidNextToken', 400]);
  });

  it('writes the query-error header and the XML error body a raw client sees', async () => {
    const res = await fetch(`${t.url}/?Action=ListMetrics&Version=2010-08-01`);
    // Unsigned: refused before anything is read.
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-query-error')).toBe('MissingAuthenticationToken;Sender');
    expect(await res.text()).toMatch(/^<ErrorResponse xmlns="http:\/\/monitoring\.amazonaws\.com\/doc\/2010-08-01\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/);
  });
});

describe('ListMetrics paging', () => {
  it(`returns ${cloudwatchLimits.listMetricsPageSize} metrics a page and the rest behind NextToken`, async () => {
    // 251 more stages with a live session each: over 500 stage metrics, so at least two pages.
    const backend = t.emulator.world.backend(t.emulator.accountId, 'us-east-1');
    if (!backend) throw new Error('no us-east-1 state');
    for (let i = 0; i < 251; i++) {
      const stage = backend.createStage({ name: `paged-${i}` });
      await t.control.join({ token: (await backend.mintToken(stage, {})).token });
    }
    await t.control.advanceClock(60_000);
    const first = await cw().send(new ListMetricsCommand({ Namespace: NS }));
    expect(first.Metrics?.length).toBe(cloudwatchLimits.listMetricsPageSize);
    expect(first.NextToken).toBeTruthy();
    const second = await cw().send(new ListMetricsCommand({ Namespace: NS, NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    const all = [...(first.Metrics ?? []), ...(second.Metrics ?? [])].map((m) => JSON.stringify(m));
    expect(second.Metrics?.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((m) => m.includes('"Publishers"')).length).toBe(252);
    const bad = await failure(cw().send(new ListMetricsCommand({ Namespace: NS, MetricName: 'Publishers', NextToken: first.NextToken })));
    expect([bad.name, bad.Code]).toEqual(['InvalidParameterValueException', 'InvalidParameterValue']);
  });
});

describe('Cognito credentials and the role policies', () => {
  it('lets producer and support read metrics with their identity-pool credentials', async () => {
    for (const user of ['pat.producer', 'sam.support']) {
      const out = await cw({ credentials: t.cognitoCredentials('us-east-1', user) }).send(new ListMetricsCommand({ Namespace: NS, MetricName: 'Publishers', Dimensions: [{ Name: 'Stage', Value: stageId }] }));
      expect(out.Metrics?.length).toBe(1);
    }
  });

  it('denies a role whose policy file grants no cloudwatch action, with IAM\'s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenroom-iam-'));
    for (const file of Object.values(ROLE_POLICY_FILES)) {
      const doc = JSON.parse(readFileSync(join(IAM_DIR, file), 'utf8')) as { Statement: { Action: string | string[] }[] };
      doc.Statement = doc.Statement.filter((s) => ![s.Action].flat().some((a) => a.startsWith('cloudwatch:')));
      writeFileSync(join(dir, file), JSON.stringify(doc));
    }
    const strict = await startEmulator({ iamDir: dir });
    try {
      const c = new CloudWatchClient({ region: 'us-east-1', endpoint: strict.url, credentials: strict.cognitoCredentials('us-east-1', 'sam.support'), maxAttempts: 1 });
      clients.push(c);
      const e = await failure(c.send(new GetMetricDataCommand({ StartTime: new Date(0), EndTime: new Date(60_000), MetricDataQueries: [stat('m', 'Publishers', stageDims())] })));
      expect(e.$metadata.httpStatusCode).toBe(403);
      expect(e.Code).toBe('AccessDenied');
      expect(e.message).toBe('User: arn:aws:sts::123456789012:assumed-role/greenroom-support/CognitoIdentityCredentials is not authorized to perform: cloudwatch:GetMetricData because no identity-based policy allows the cloudwatch:GetMetricData action');
      // The static key is the account's admin and is not restricted.
      const admin = new CloudWatchClient({ region: 'us-east-1', endpoint: strict.url, credentials: staticCredentials, maxAttempts: 1 });
      clients.push(admin);
      expect((await admin.send(new ListMetricsCommand({}))).Metrics).toEqual([]);
    } finally {
      await strict.stop();
    }
  });
});

describe('clients too old to report', () => {
  it('counts a publisher whose SDK is too old to report, but lists no metrics of its own', async () => {
    // An emulator of its own: the other tests count this file's one stage and its metrics.
    const own = await startEmulator({ sessionIdleMs: 3_600_000 });
    try {
    const arn = (await own.ivs().send(new CreateStageCommand({ name: 'old-sdk' }))).stage?.arn ?? '';
    const id = arn.split('/')[1] ?? '';
    const join = async (userId: string, clientInfo: Record<string, string>) => {
      const token = (await own.ivs().send(new CreateParticipantTokenCommand({ stageArn: arn, userId }))).participantToken?.token ?? '';
      const { participantId } = await own.control.join({ token, clientInfo });
      await own.control.publish({ stageArn: arn, participantId });
      return participantId;
    };
    const old = await join('old-web', { browserName: 'Chrome', sdkVersion: '1.4.9' });
    const oldPhone = await join('old-android', { osName: 'Android', sdkVersion: '1.11.2' });
    const current = await join('new-web', { browserName: 'Chrome', sdkVersion: '1.5.0' });
    await own.control.advanceClock(2 * 60_000);
    const listed = async (participantId: string) =>
      ((await cw({ url: own.url }).send(new ListMetricsCommand({ Namespace: NS, Dimensions: [{ Name: 'Stage', Value: id }, { Name: 'Participant', Value: participantId }] }))).Metrics ?? []).length;
    expect(await listed(old)).toBe(0);
    expect(await listed(oldPhone)).toBe(0);
    expect(await listed(current)).toBeGreaterThan(0);
    const end = Date.parse((await own.control.health()).now);
    const out = await cw({ url: own.url }).send(new GetMetricDataCommand({
      StartTime: new Date(end - 60_000), EndTime: new Date(end), MetricDataQueries: [stat('pubs', 'Publishers', [{ Name: 'Stage', Value: id }])],
    }));
    expect(out.MetricDataResults?.[0]?.Values?.[0]).toBe(3);
      } finally {
      await own.stop();
    }
  });
});
