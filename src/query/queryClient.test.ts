import { describe, expect, it } from 'vitest';
import { SDK_MAX_ATTEMPTS, SDK_RETRY_MODE } from '../aws/awsLayer';
import { AppError } from '../aws/errors';
import { sleptBetween, WAKE_CHECK_MS } from './connectivity';
import { formatAge } from './polling';
import { createQueryClient, retryDelay, shouldRetry } from './queryClient';

describe('retry rule', () => {
  it('retries a retryable error once and never a permanent one', () => {
    const throttled = new AppError('throttled', 'slow down', { retryable: true });
    expect(shouldRetry(0, throttled)).toBe(true);
    expect(shouldRetry(1, throttled)).toBe(false);
    expect(shouldRetry(0, new AppError('validation', 'bad', { retryable: false }))).toBe(false);
  });

  it('keeps the documented product: SDK 3 attempts × (1 + 1 react-query round) = 6, and no mutation retry', () => {
    expect(SDK_MAX_ATTEMPTS).toBe(3);
    expect(SDK_RETRY_MODE).toBe('standard');
    let rounds = 1;
    const err = new AppError('server', 'boom', { retryable: true });
    while (shouldRetry(rounds - 1, err)) rounds++;
    expect(SDK_MAX_ATTEMPTS * rounds).toBe(6);
    const qc = createQueryClient();
    expect(qc.getDefaultOptions().mutations?.retry).toBe(false);
  });

  it('waits longer after throttling, with jitter', () => {
    const throttled = new AppError('throttled', 'slow down', { retryable: true });
    const server = new AppError('server', 'boom', { retryable: true });
    expect(retryDelay(1, throttled, () => 0)).toBe(1000);
    expect(retryDelay(1, throttled, () => 1)).toBe(5000);
    expect(retryDelay(1, server, () => 0)).toBe(250);
    expect(retryDelay(1, server, () => 1)).toBe(1250);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelay(1, throttled, () => i / 20)));
    expect(spread.size).toBe(20);
  });
});

describe('wake from sleep', () => {
  it('counts a tick that comes far too late as a wake-up, and normal jitter as nothing', () => {
    expect(sleptBetween(0, WAKE_CHECK_MS + 200)).toBe(false);
    expect(sleptBetween(0, 10 * 60_000)).toBe(true);
  });
});

describe('freshness label', () => {
  it('reads as seconds, then minutes', () => {
    expect(formatAge(1000, 5000)).toBe('4 s ago');
    expect(formatAge(0, 125_000)).toBe('2 min ago');
  });
});
