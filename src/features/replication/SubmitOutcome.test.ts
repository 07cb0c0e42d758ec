import { describe, expect, it } from 'vitest';
import { AppError } from '../../aws/errors';
import type { ParticipantReplica } from '../../aws/types';
import { submitVerdict } from './SubmitOutcome';

const replica = (state: 'ACTIVE' | 'STOPPED'): ParticipantReplica => ({
  sourceStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/srcSTAGE0001',
  participantId: 'p1',
  sourceSessionId: 'st-aaaaaaaaaaaaa',
  destinationStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/dstSTAGE0001',
  destinationSessionId: 'st-bbbbbbbbbbbbb',
  replicationState: state,
});
const unknownError = new AppError('server', 'Internal error', { retryable: true, verified: 'unknown', requestId: 'r-1' });
const notApplied = new AppError('server', 'Internal error', { retryable: true, verified: 'not-applied' });
const noCheck = { data: undefined, error: null, isSuccess: false, isPending: false };

describe('submitVerdict', () => {
  it('says nothing before a submit', () => {
    expect(submitVerdict({ data: undefined, error: null }, noCheck)).toEqual({ checked: undefined, outcome: undefined, unknown: null, failed: null });
  });

  it('reports "already replicating" as running, not as a failure', () => {
    const running = { status: 'running', reason: 'already', replica: replica('ACTIVE') } as const;
    const v = submitVerdict({ data: running, error: null }, noCheck);
    expect(v.outcome).toBe(running);
    expect(v.failed).toBeNull();
  });

  it('keeps an unclear answer unknown (no retry offered) until the check answers', () => {
    const v = submitVerdict({ data: undefined, error: unknownError }, noCheck);
    expect(v.unknown).toBe(unknownError);
    expect(v.failed).toBeNull();
  });

  it('lets "Check again" replace the verdict: an ACTIVE replica means running', () => {
    const v = submitVerdict({ data: undefined, error: unknownError }, { ...noCheck, data: replica('ACTIVE'), isSuccess: true });
    expect(v.outcome).toMatchObject({ status: 'running', reason: 'confirmed' });
    expect(v.unknown).toBeNull();
    expect(v.failed).toBeNull();
  });

  it('lets "Check again" replace the verdict: no active replica means it did not start', () => {
    const v = submitVerdict({ data: undefined, error: unknownError }, { ...noCheck, data: replica('STOPPED'), isSuccess: true });
    expect(v.checked).toBe('not-running');
    expect(v.failed).toBe(unknownError);
    expect(v.outcome).toBeUndefined();
  });

  it('shows a verified failure as failed', () => {
    expect(submitVerdict({ data: undefined, error: notApplied }, noCheck).failed).toBe(notApplied);
  });
});
