import { describe, expect, it } from 'vitest';
import { AppError } from '../aws/errors';
import { formatAge } from './polling';
import { shouldRetry } from './queryClient';

describe('retry rule', () => {
  it('retries a retryable error once and never a permanent one', () => {
    const throttled = new AppError('throttled', 'slow down', { retryable: true });
    expect(shouldRetry(0, throttled)).toBe(true);
    expect(shouldRetry(1, throttled)).toBe(false);
    expect(shouldRetry(0, new AppError('validation', 'bad', { retryable: false }))).toBe(false);
  });
});

describe('freshness label', () => {
  it('reads as seconds, then minutes', () => {
    expect(formatAge(1000, 5000)).toBe('4 s ago');
    expect(formatAge(0, 125_000)).toBe('2 min ago');
  });
});
