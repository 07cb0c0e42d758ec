import type { ReactNode } from 'react';
import type { AppError } from '../../../aws/errors';
import { RequestId } from '../../../components/ErrorPanel';
import { UntrustedText } from '../../../components/UntrustedText';

/**
 * A create whose answer was lost (timeout, network failure, 5xx): the stage may exist now. Says so, and says what
 * Retry does: look for the stage by name and tags first and create only if none is there.
 */
export function CreateUnsure({ error, name, lookable }: { error: AppError; name: string; lookable: boolean }): ReactNode {
  return (
    <div className="panel panel-warn" role="alert">
      <p className="panel-title">
        <span aria-hidden="true">? </span>The stage may have been created
      </p>
      <p>
        IVS did not answer clearly ({error.message}), so the request may have been carried out.{' '}
        {lookable ? (
          <>
            Retry will first look for a stage named <strong><UntrustedText value={name} /></strong> with these tags that was not there before, and
            only create it if none exists.
          </>
        ) : (
          <>A stage without a name cannot be looked for, so Retry will create another one; give it a name to make Retry safe.</>
        )}
      </p>
      <p className="muted">
        <RequestId error={error} />
        {error.detail.code ? <span> · Error code: {error.detail.code}</span> : null}
      </p>
    </div>
  );
}
