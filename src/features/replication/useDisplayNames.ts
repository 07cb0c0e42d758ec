import { useQueries } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import type { Region } from '../../aws/types';
import { replicaQueries } from './queries';

/** A picker names at most this many participants: beyond that the ids and user ids have to do. */
const MAX_NAMED = 30;

/** Display names (from attributes) of a session's participants, by participant id, as they arrive. */
export function useDisplayNames(region: Region, stageArn: string, sessionId: string | undefined, participantIds: readonly string[]): ReadonlyMap<string, string> {
  const aws = useAws();
  const ids = sessionId ? participantIds.slice(0, MAX_NAMED) : [];
  return useQueries({
    queries: ids.map((participantId) => replicaQueries.participantName(aws, region, { stageArn, sessionId: sessionId ?? '', participantId })),
    combine: (results) => {
      const names = new Map<string, string>();
      results.forEach((r, i) => {
        if (r.data) names.set(ids[i], r.data);
      });
      return names;
    },
  });
}
