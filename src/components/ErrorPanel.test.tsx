import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../aws/errors';
import { AuthContext } from '../auth/session';
import { fakeAuth } from '../test/renderWithProviders';
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

describe('ErrorPanel for a refused action', () => {
  it("names the role, the action and whom to ask, with the request id", () => {
    const error = new AppError('access-denied', 'User: arn:aws:sts::123:assumed-role/greenroom-support/x is not authorized', {
      retryable: false,
      requestId: 'req-403',
      code: 'AccessDeniedException',
      operation: 'StartParticipantReplication',
    });
    render(
      <AuthContext value={fakeAuth('support')}>
        <ErrorPanel error={error} title="Replication did not start" />
      </AuthContext>,
    );
    expect(screen.getByText('Your role (support) may not start participant replication — ask a producer.')).toBeTruthy();
    expect(screen.getByText('req-403')).toBeTruthy();
  });
});

describe('KeyValueEditor', () => {
  it('counts UTF-8 bytes live and flags the excess', () => {
    render(<KeyValueEditor legend="Attributes" rows={[{ key: 'ключ', value: 'x'.repeat(1020) }]} onChange={() => undefined} byteLimit={1024} />);
    expect(screen.getByText('1028 of 1024 bytes used (over the limit)')).toBeTruthy();
  });
});
