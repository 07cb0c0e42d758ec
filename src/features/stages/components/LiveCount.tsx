import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import type { Region } from '../../../aws/types';
import type { PollInterval } from '../../../query/polling';
import { stageQueries } from '../queries';

/**
 * Connected and on-air participants of the stage's live session: one ListParticipants call per poll
 * (query/budget.ts). The list mounts it only for rows in view, and `active` only once the view has settled,
 * so scrolling past 1,000 stages does not fire 1,000 requests.
 */
export function LiveCount({
  region,
  arn,
  sessionId,
  active,
  interval,
  field,
}: {
  region: Region;
  arn: string;
  sessionId?: string;
  active: boolean;
  interval: PollInterval;
  /** Both cells of a row share one query (same key), so one request serves the two. */
  field: 'connected' | 'onAir';
}): ReactNode {
  const aws = useAws();
  const q = useQuery({
    ...stageQueries.liveCounts(aws, region, arn, sessionId ?? ''),
    enabled: sessionId !== undefined && active,
    refetchInterval: interval,
  });
  if (!sessionId) return <span className="muted">0</span>;
  if (q.data && field === 'connected') return `${q.data.connected}${q.data.more ? '+' : ''}`;
  if (q.data) {
    const { onAir, onAirUnknown, published, more } = q.data;
    const offAir = published - onAir - onAirUnknown;
    // Says what is known: a range when some publishers could not be looked up within the budget.
    const text = onAirUnknown > 0 ? `${onAir}–${onAir + onAirUnknown}` : `${onAir}`;
    const title = [
      `${onAir} on air now`,
      onAirUnknown ? `${onAirUnknown} more ${onAirUnknown === 1 ? 'has' : 'have'} published, on air unknown (not checked within the request budget)` : '',
      offAir > 0 ? `${offAir} ${offAir === 1 ? 'has' : 'have'} published · off air` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return (
      <span title={title}>
        {text}
        {more ? '+' : ''}
      </span>
    );
  }
  return (
    <span className="muted" title={q.error?.message}>
      {q.isError ? 'unavailable' : '…'}
    </span>
  );
}
