// boto3 (botocore 1.43, an independent client) against the emulator's CloudWatch, over JSON (its default) and over
// awsQuery (forced with a copy of botocore's own model that lists only "query"). The Python side is
// emulator/test/python/cloudwatch_boto3.py; it prints its findings as JSON and the assertions are here.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateParticipantTokenCommand, CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from './support.ts';

const run = promisify(execFile);
const SCRIPT = new URL('./python/cloudwatch_boto3.py', import.meta.url).pathname;
let t: TestEmulator;
let stageId = '';
let participantId = '';
let dataPath = '';

beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 3_600_000 });
  const stageArn = (await t.ivs().send(new CreateStageCommand({ name: 'boto3' }))).stage?.arn ?? '';
  stageId = stageArn.split('/')[1] ?? '';
  const join1 = async (protocol: 'RTMPS' | 'WHIP') => {
    const token = (await t.ivs().send(new CreateParticipantTokenCommand({ stageArn }))).participantToken?.token ?? '';
    const { participantId: id } = await t.control.join({ token, clientInfo: { protocol } });
    await t.control.publish({ stageArn, participantId: id });
    return id;
  };
  participantId = await join1('RTMPS');
  await t.control.advanceClock(3 * 60_000);
  await join1('WHIP');
  await t.control.advanceClock(3 * 60_000);
  // botocore's own CloudWatch model, listing only the query protocol, where AWS_DATA_PATH finds it first.
  dataPath = mkdtempSync(join(tmpdir(), 'greenroom-botocore-'));
  mkdirSync(join(dataPath, 'cloudwatch', '2010-08-01'), { recursive: true });
  await run('python3', ['-c', [
    'import json, sys, botocore.loaders',
    "m = botocore.loaders.Loader().load_service_model('cloudwatch', 'service-2')",
    "m['metadata']['protocol'] = 'query'; m['metadata']['protocols'] = ['query']",
    "json.dump(m, open(sys.argv[1], 'w'))",
  ].join('\n'), join(dataPath, 'cloudwatch', '2010-08-01', 'service-2.json')]);
}, 60_000);
afterAll(async () => {
  rmSync(dataPath, { recursive: true, force: true });
  await t.stop();
});

async function boto3(protocol: 'json' | 'query'): Promise<Record<string, unknown>> {
  const now = Date.parse((await t.control.health()).now);
  const env = { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', ...(protocol === 'query' ? { AWS_DATA_PATH: dataPath } : {}) };
  const { stdout } = await run('python3', [SCRIPT, t.url, stageId, participantId, String(now), protocol], { env, timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe.each(['json', 'query'] as const)('boto3 over %s', (protocol) => {
  let found: Record<string, unknown>;
  beforeAll(async () => {
    found = await boto3(protocol);
  }, 60_000);

  it('speaks the protocol under test', () => {
    expect(found.protocol).toBe(protocol);
  });

  it('lists the RTMP publisher\'s documented dimension sets', () => {
    expect(found.participantMetrics).toEqual([
      'PublishBitrate:Stage,Participant,SimulcastLayer=none,MediaType=audio',
      'PublishBitrate:Stage,Participant,SimulcastLayer=none,MediaType=video',
      'PublishFramerate:Stage,Participant',
      'PublishFramerate:Stage,Participant,SimulcastLayer=none,MediaType=video',
      'PublishResolution:Stage,Participant,SimulcastLayer=none,MediaType=video',
    ]);
    expect(found.publishersListed).toBe(1);
  });

  it('reads the Publishers count rising from one to two as the second publisher joined', () => {
    const values = found.publishers as number[];
    expect(values[0]).toBe(1);
    expect(values[values.length - 1]).toBe(2);
    const ts = found.timestamps as number[];
    // Whole minutes, oldest first.
    expect(ts.every((x, i) => x % 60 === 0 && (i === 0 || x === (ts[i - 1] as number) + 60))).toBe(true);
    expect(found.status).toBe('Complete');
    expect(found.messages).toEqual([]);
  });

  it('pages with the botocore paginator (MaxDatapoints as the page size) to the same values', () => {
    expect(found.paged).toEqual(found.publishers);
    expect((found.pageStatuses as string[]).slice(0, -1).every((s) => s === 'PartialData')).toBe(true);
    expect((found.pageStatuses as string[]).at(-1)).toBe('Complete');
  });

  it('raises the modelled exception classes, with the query error code and fault', () => {
    expect(found.badPeriod).toMatchObject({ class: 'InvalidParameterValueException', Code: 'InvalidParameterValue', Type: 'Sender', status: 400 });
    expect(found.badToken).toMatchObject({ class: 'InvalidNextToken', Code: 'InvalidNextToken', status: 400 });
    expect(found.badId).toMatchObject({ class: 'ClientError', Code: 'ValidationError', status: 400 });
    expect((found.badId as { Message: string }).Message).toMatch(/The value Pubs for parameter MetricDataQueries\.member\.1\.Id is not matching the expected pattern/);
    expect(found.tooMany).toMatchObject({ class: 'InvalidParameterValueException', Code: 'InvalidParameterValue' });
    expect(found.badListToken).toMatchObject({ class: 'InvalidParameterValueException', Code: 'InvalidParameterValue' });
  });
});
