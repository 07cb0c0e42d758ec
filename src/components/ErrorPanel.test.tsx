import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../aws/errors';
import { ErrorPanel } from './ErrorPanel';
import { KeyValueEditor } from './KeyValueEditor';

describe('ErrorPanel', () => {
  it('shows the message in words, the request id and a working Retry', () => {
    const onRetry = vi.fn();
    render(<ErrorPanel error={new AppError('throttled', 'Rate exceeded', { retryable: true, requestId: 'abc-123' })} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('Too many requests');
    expect(screen.getByText('Rate exceeded')).toBeTruthy();
    expect(screen.getByText('abc-123')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

describe('KeyValueEditor', () => {
  it('counts UTF-8 bytes live and flags the excess', () => {
    render(<KeyValueEditor legend="Attributes" rows={[{ key: 'ключ', value: 'x'.repeat(1020) }]} onChange={() => undefined} byteLimit={1024} />);
    expect(screen.getByText('1028 of 1024 bytes used (over the limit)')).toBeTruthy();
  });
});
