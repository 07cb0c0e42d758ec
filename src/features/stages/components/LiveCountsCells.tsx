import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import type { Region } from '../../../aws/types';
import { usePollInterval } from '../../../query/polling';
import { stageQueries } from '../queries';

/** Two table cells: connected and publishing participants of the stage's live session. */
export function LiveCountsCells({ region, arn, sessionId }: { region: Region; arn: string; sessionId?: string }): ReactNode {
  const aws = useAws();
  const interval = usePollInterval('stages');
  const q = useQuery({
    ...stageQueries.liveCounts(aws, region, arn, sessionId ?? ''),
    enabled: sessionId !== undefined,
    refetchInterval: interval,
  });
  if (!sessionId) {
    return (
      <>
        <td className="num muted">0</td>
        <td className="num muted">0</td>
      </>
    );
  }
  if (q.data) {
    const plus = q.data.more ? '+' : '';
    return (
      <>
        <td className="num">{`${q.data.connected}${plus}`}</td>
        <td className="num">{`${q.data.publishing}${plus}`}</td>
      </>
    );
  }
  const text = q.isError ? 'unavailable' : '…';
  return (
    <>
      <td className="num muted" title={q.error?.message}>
        {text}
      </td>
      <td className="num muted">{text}</td>
    </>
  );
}
