import type { ReactNode } from 'react';
import type { AppError } from '../aws/errors';
import { formatAge, useNow } from '../query/polling';
import { RequestId } from './ErrorPanel';

/** A message as a sentence, so the advice that follows it does not run on from it. */
function asSentence(message: string): string {
  const m = message.trim();
  return /[.!?…]$/.test(m) ? m : `${m}.`;
}

/** A background refresh failed: keep showing the last good data, say how old it is and why. */
export function StaleBanner({ error, updatedAt }: { error: AppError | null; updatedAt?: number }): ReactNode {
  const now = useNow();
  return (
    <div className="banner banner-stale" role="status">
      <strong>Showing older data{updatedAt ? ` from ${formatAge(updatedAt, now)}` : ''}.</strong> The last refresh failed
      {error ? (
        <>
          : {asSentence(error.message)} <RequestId error={error} />
          {error.kind === 'throttled' ? ' Greenroom refreshes less often until IVS accepts requests again.' : ' Greenroom keeps trying.'}
        </>
      ) : (
        '.'
      )}
    </div>
  );
}
