import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { AppError } from '../../aws/errors';
import type { ParticipantEvent, ParticipantSummary, Region } from '../../aws/types';
import { useBudgetedInterval } from '../../query/budget';
import { deriveOnAir, ON_AIR_MAX_LOOKUPS, participantEventsQuery, type OnAir } from '../../query/onAir';

type Lookup = { data?: ParticipantEvent[]; isError: boolean };

// Plain records: the combined result keeps its identity while no lookup changes, so the table's columns (and
// its memoised rows) stay as they are between polls that bring nothing new.
const toLookups = (rs: UseQueryResult<ParticipantEvent[], AppError>[]): Lookup[] => rs.map((r) => ({ data: r.data, isError: r.isError }));

/**
 * On air now for the rows a view shows. Only participants that are connected and have published need their
 * events; the first ON_AIR_MAX_LOOKUPS of them are polled, each query paced so that all together stay within the
 * ListParticipantEvents budget, and each is cached per participant (the participant page reads the same cache).
 * Beyond that the answer is "unknown", never a guess.
 */
export function useOnAir(region: Region, stageArn: string, sessionId: string, rows: readonly ParticipantSummary[], live: boolean): (p: ParticipantSummary) => OnAir {
  const aws = useAws();
  const ids = rows.filter((p) => p.state === 'CONNECTED' && p.published).slice(0, ON_AIR_MAX_LOOKUPS).map((p) => p.participantId);
  const interval = useBudgetedInterval('participants', 'ListParticipantEvents', Math.max(1, ids.length));
  const idsKey = ids.join(',');
  const lookups = useQueries({
    queries: ids.map((participantId) => ({
      ...participantEventsQuery(aws, region, { stageArn, sessionId, participantId }),
      refetchInterval: live ? interval : false,
    })),
    combine: toLookups,
  });
  return useCallback(
    (p: ParticipantSummary): OnAir => {
      const i = idsKey.split(',').indexOf(p.participantId);
      const r = i >= 0 ? lookups[i] : undefined;
      if (!r) return deriveOnAir(p, undefined, p.state === 'CONNECTED' && p.published ? 'budget' : 'loading');
      return deriveOnAir(p, r.data, r.isError ? 'error' : 'loading');
    },
    [lookups, idsKey],
  );
}
