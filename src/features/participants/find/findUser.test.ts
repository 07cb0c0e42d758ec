import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwsLayer } from '../../../aws/awsLayer';
import { AppError } from '../../../aws/errors';
import { createRateLimiter } from '../../../aws/rateLimiter';
import { findUser, type FindHit } from './findUser';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('search rate limiter', () => {
  it('spaces calls of one operation 400 ms apart (2.5 per second) while another key runs alongside', async () => {
    const limiter = createRateLimiter(2.5);
    const times: Record<string, number[]> = { a: [], b: [] };
    const all = [
      ...Array.from({ length: 6 }, () => limiter.take('us-east-1:ListParticipants').then(() => times.a?.push(Date.now()))),
      ...Array.from({ length: 2 }, () => limiter.take('us-east-1:ListStages').then(() => times.b?.push(Date.now()))),
    ];
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(all);
    expect(times.a).toEqual([0, 400, 800, 1200, 1600, 2000]);
    expect(times.b).toEqual([0, 400]);
  });

  it('a cancelled wait rejects at once and sends nothing', async () => {
    const limiter = createRateLimiter(2.5);
    await limiter.take('k');
    const ac = new AbortController();
    const waiting = limiter.take('k', ac.signal);
    ac.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

/** A fake layer over two regions: stages with live sessions, and one user in one stage of each region. */
function fakeAws(log: { op: string; region: string; at: number }[]): AwsLayer {
  return {
    regions: ['us-east-1', 'us-west-2'],
    dispose: () => undefined,
    send: (async (region: string, command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const op = command.constructor.name.replace(/Command$/, '');
      log.push({ op, region, at: Date.now() });
      const arn = (i: number): string => `arn:aws:ivs:${region}:123456789012:stage/stage${i}`;
      if (op === 'ListStages') return { stages: Array.from({ length: 8 }, (_, i) => ({ arn: arn(i), name: `s${i}`, activeSessionId: `st-${'a'.repeat(12)}${i}`, tags: {} })) };
      if (op === 'ListParticipants') {
        const hit = command.input.stageArn === arn(region === 'us-east-1' ? 2 : 5);
        return { participants: hit ? [{ participantId: `p-${region}`, userId: 'maria-42', state: 'CONNECTED', published: true }] : [] };
      }
      if (op === 'GetParticipant') throw new AppError('not-found', 'no such participant', { retryable: false });
      return {};
    }) as unknown as AwsLayer['send'],
  };
}

describe('find a user', () => {
  it('finds the user in every region, keeping each operation at 2.5 requests per second per region', async () => {
    const log: { op: string; region: string; at: number }[] = [];
    const hits: FindHit[] = [];
    const done = findUser(fakeAws(log), {
      query: 'maria-42',
      regions: ['us-east-1', 'us-west-2'],
      recent: false,
      onHit: (h) => hits.push(h),
      onProgress: () => undefined,
      signal: new AbortController().signal,
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(hits.map((h) => `${h.region} ${h.participant.participantId}`).sort()).toEqual(['us-east-1 p-us-east-1', 'us-west-2 p-us-west-2']);
    for (const region of ['us-east-1', 'us-west-2']) {
      for (const op of ['ListParticipants', 'GetParticipant']) {
        const at = log.filter((l) => l.region === region && l.op === op).map((l) => l.at);
        expect(at).toHaveLength(8);
        for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('cancelling stops the search: no request is sent after the abort', async () => {
    const log: { op: string; region: string; at: number }[] = [];
    const ac = new AbortController();
    const done = findUser(fakeAws(log), { query: 'maria-42', regions: ['us-east-1'], recent: false, onHit: () => undefined, onProgress: () => undefined, signal: ac.signal });
    const settled = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    ac.abort(new Error('cancelled'));
    const sent = log.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await settled).toBeInstanceOf(Error);
    expect(log.length).toBe(sent);
  });
});
