import type { ReactNode } from 'react';
import type { AppError } from '../aws/errors';
import { useRole } from '../auth/Can';
import { deniedMessage } from '../auth/policies';

const TITLES: Record<AppError['kind'], string> = {
  validation: 'The request was rejected',
  'not-found': 'Not found',
  conflict: 'Conflict',
  throttled: 'Too many requests',
  'access-denied': 'Not allowed for your role',
  quota: 'Quota exceeded',
  server: 'Service error',
  network: 'Cannot reach the service',
  'auth-expired': 'Session expired',
};

export function errorTitle(error: AppError): string {
  return TITLES[error.kind] ?? 'Something went wrong';
}

export function RequestId({ error }: { error: AppError }): ReactNode {
  if (!error.detail.requestId) return null;
  return (
    <span className="request-id">
      Request id: <code>{error.detail.requestId}</code>
    </span>
  );
}

/** Inline error for a query with no data: message in words, request id for support, Retry. */
export function ErrorPanel({ error, onRetry, title }: { error: AppError; onRetry?: () => void; title?: string }): ReactNode {
  const role = useRole();
  const denied = error.kind === 'access-denied';
  return (
    <div className="panel panel-error" role="alert">
      <p className="panel-title">
        <span aria-hidden="true">⚠ </span>
        {denied ? errorTitle(error) : (title ?? errorTitle(error))}
      </p>
      {denied ? (
        <>
          <p className="denied">{deniedMessage(role, error.detail.operation)}</p>
          <p className="muted">AWS said: {error.message}</p>
        </>
      ) : (
        <p>{error.message}</p>
      )}
      <p className="muted">
        <RequestId error={error} />
        {error.detail.code ? <span> · Error code: {error.detail.code}</span> : null}
      </p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
