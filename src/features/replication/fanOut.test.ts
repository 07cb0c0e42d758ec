import { describe, expect, it } from 'vitest';
import { AppError } from '../../aws/errors';
import { isRetryable, needsCheck, parseDestinations, resultOf, runPool, summarize, withResult, type DestinationResult } from './fanOut';

const A = 'arn:aws:ivs:us-east-1:123456789012:stage/aaaaaaaaaaaa';
const B = 'arn:aws:ivs:us-east-1:123456789012:stage/bbbbbbbbbbbb';
const C = 'arn:aws:ivs:us-east-1:123456789012:stage/cccccccccccc';
const quota = new AppError('quota', 'Stage is full', { retryable: false });
const unknown = new AppError('server', 'boom', { retryable: true, verified: 'unknown' });

describe('fan-out results', () => {
  it('parses one destination per line or comma, without repeats', () => {
    expect(parseDestinations(`${A}\n ${B}, ${A}\n\n${C}`)).toEqual([A, B, C]);
    expect(parseDestinations('  ')).toEqual([]);
  });

  it('maps outcomes: a Conflict confirmed by the replica list is "already replicating"', () => {
    expect(resultOf(A, { status: 'started' })).toEqual({ destinationStageArn: A, status: 'started' });
    const replica = { sourceStageArn: C, participantId: 'p', sourceSessionId: 's', destinationStageArn: A, destinationSessionId: 'd', replicationState: 'ACTIVE' as const };
    expect(resultOf(A, { status: 'running', reason: 'already', replica })).toEqual({ destinationStageArn: A, status: 'running', reason: 'already' });
  });

  it('never hides a partial failure and offers a retry for just the failed ones', () => {
    const results: DestinationResult[] = [
      { destinationStageArn: A, status: 'started' },
      { destinationStageArn: B, status: 'failed', error: quota },
      { destinationStageArn: C, status: 'running', reason: 'already' },
    ];
    expect(summarize(results)).toEqual({ total: 3, ok: 2, failed: 1, pending: 0, retryable: [B], unknown: [] });
  });

  it('does not offer a blind retry when the outcome is unknown, only a check', () => {
    const r: DestinationResult = { destinationStageArn: A, status: 'failed', error: unknown };
    expect(isRetryable(r)).toBe(false);
    expect(needsCheck(r)).toBe(true);
    expect(summarize([r])).toMatchObject({ retryable: [], unknown: [A] });
  });

  it('replaces one result in place', () => {
    const prev: DestinationResult[] = [
      { destinationStageArn: A, status: 'started' },
      { destinationStageArn: B, status: 'failed', error: quota },
    ];
    expect(withResult(prev, { destinationStageArn: B, status: 'started' }).map((r) => r.status)).toEqual(['started', 'started']);
  });

  it('runs every destination with at most two in flight, and one failure does not stop the others', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: string[] = [];
    const D = 'arn:aws:ivs:us-east-1:123456789012:stage/dddddddddddd';
    const out = await runPool(
      [A, B, C, D],
      async (d) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        if (d === B) throw quota;
        return { destinationStageArn: d, status: 'started' };
      },
      (r) => seen.push(`${r.destinationStageArn.slice(-1)}:${r.status}`),
    );
    expect(peak).toBe(2);
    expect(out.map((r) => r.status)).toEqual(['started', 'failed', 'started', 'started']);
    expect(seen.filter((s) => s.endsWith('starting'))).toHaveLength(4);
  });

  it('sequential when the concurrency is one', async () => {
    const order: string[] = [];
    await runPool([A, B], async (d) => (order.push(d), { destinationStageArn: d, status: 'started' }), () => undefined, 1);
    expect(order).toEqual([A, B]);
  });
});
