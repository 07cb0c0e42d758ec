import { describe, expect, it, vi } from 'vitest';
import type { AwsLayer } from '../../aws/awsLayer';
import { AppError } from '../../aws/errors';
import type { ParticipantReplica } from '../../aws/types';
import { startAndConfirm, stopAndConfirm } from './mutations';

const SRC = 'arn:aws:ivs:us-east-1:123456789012:stage/srcSTAGE0001';
const DST = 'arn:aws:ivs:us-east-1:123456789012:stage/dstSTAGE0001';
const input = { sourceStageArn: SRC, destinationStageArn: DST, participantId: 'p1', reconnectWindowSeconds: 0, attributes: {} };
const replica = (state: 'ACTIVE' | 'STOPPED'): ParticipantReplica => ({
  sourceStageArn: SRC,
  participantId: 'p1',
  sourceSessionId: 'st-aaaaaaaaaaaaa',
  destinationStageArn: DST,
  destinationSessionId: 'st-bbbbbbbbbbbbb',
  replicationState: state,
});

type Answer = Error | Record<string, unknown>;

/** An AWS layer that answers each operation from a script, and records what was sent. */
function fakeAws(script: { start?: Answer[]; stop?: Answer[]; list?: Answer[] }): AwsLayer & { sent: string[] } {
  const sent: string[] = [];
  const next = (q: Answer[] | undefined): Promise<Record<string, unknown>> => {
    const a = q?.shift() ?? {};
    return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
  };
  return {
    sent,
    regions: ['us-east-1'],
    dispose: () => undefined,
    // Features may not import the SDK (lint), so commands are told apart by their class name.
    send: vi.fn((_region: string, command: object) => {
      const name = command.constructor.name;
      if (name === 'StartParticipantReplicationCommand') return sent.push('start'), next(script.start);
      if (name === 'StopParticipantReplicationCommand') return sent.push('stop'), next(script.stop);
      if (name === 'ListParticipantReplicasCommand') return sent.push('list'), next(script.list);
      throw new Error('unexpected command');
    }) as unknown as AwsLayer['send'],
  };
}

const err = (kind: AppError['kind'], attempts = 1): AppError => new AppError(kind, kind, { retryable: kind === 'server' || kind === 'throttled' || kind === 'network', attempts });

describe('starting a replication is never retried blindly', () => {
  it('a plain success is "started" and checks nothing', async () => {
    const aws = fakeAws({ start: [{}] });
    await expect(startAndConfirm(aws, 'us-east-1', input)).resolves.toEqual({ status: 'started' });
    expect(aws.sent).toEqual(['start']);
  });

  it('a 5xx after which the replica is ACTIVE says it is running (confirmed), and never sends Start again', async () => {
    const aws = fakeAws({ start: [err('server', 3)], list: [{ replicas: [replica('ACTIVE')] }] });
    await expect(startAndConfirm(aws, 'us-east-1', input)).resolves.toMatchObject({ status: 'running', reason: 'confirmed' });
    expect(aws.sent).toEqual(['start', 'list']);
  });

  it('a Conflict on the first attempt with an ACTIVE replica is "already replicating"', async () => {
    const aws = fakeAws({ start: [err('conflict')], list: [{ replicas: [replica('ACTIVE')] }] });
    await expect(startAndConfirm(aws, 'us-east-1', input)).resolves.toMatchObject({ status: 'running', reason: 'already' });
  });

  it('a Conflict after an SDK retry (a 500 that did start it) counts as ours', async () => {
    const aws = fakeAws({ start: [err('conflict', 2)], list: [{ replicas: [replica('ACTIVE')] }] });
    await expect(startAndConfirm(aws, 'us-east-1', input)).resolves.toMatchObject({ status: 'running', reason: 'confirmed' });
  });

  it('a network failure with no replica listed is a failure that is safe to try again', async () => {
    const aws = fakeAws({ start: [err('network')], list: [{ replicas: [replica('STOPPED')] }] });
    await expect(startAndConfirm(aws, 'us-east-1', input)).rejects.toMatchObject({ kind: 'network', detail: { verified: 'not-applied' } });
  });

  it('when the check fails too, the outcome is unknown (no Try again)', async () => {
    const aws = fakeAws({ start: [err('server')], list: [err('validation')] });
    await expect(startAndConfirm(aws, 'us-east-1', input)).rejects.toMatchObject({ kind: 'server', detail: { verified: 'unknown' } });
    expect(aws.sent.filter((s) => s === 'start')).toHaveLength(1);
  });

  it('a clear refusal is passed on without checking', async () => {
    const aws = fakeAws({ start: [err('validation')] });
    await expect(startAndConfirm(aws, 'us-east-1', input)).rejects.toMatchObject({ kind: 'validation' });
    expect(aws.sent).toEqual(['start']);
  });
});

describe('stopping a replication', () => {
  it('an unclear failure after which the replica is STOPPED counts as done', async () => {
    const aws = fakeAws({ stop: [err('server', 3)], list: [{ replicas: [replica('STOPPED')] }] });
    await expect(stopAndConfirm(aws, 'us-east-1', input)).resolves.toBeUndefined();
  });

  it('an unclear failure with the replica still ACTIVE is a failure', async () => {
    const aws = fakeAws({ stop: [err('network')], list: [{ replicas: [replica('ACTIVE')] }] });
    await expect(stopAndConfirm(aws, 'us-east-1', input)).rejects.toMatchObject({ detail: { verified: 'not-applied' } });
  });
});
