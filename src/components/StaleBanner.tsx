import type { ReactNode } from 'react';
import type { AppError } from '../aws/errors';
import { RequestId } from './ErrorPanel';

/** A background refresh failed: keep showing the last good data, and say so. */
export function StaleBanner({ error }: { error: AppError | null }): ReactNode {
  return (
    <div className="banner banner-stale" role="status">
      <strong>Showing older data.</strong> The last refresh failed
      {error ? (
        <>
          : {error.message} <RequestId error={error} />
        </>
      ) : (
        '.'
      )}
    </div>
  );
}
