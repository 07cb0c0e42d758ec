import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../aws/awsLayer';
import { getParticipant } from '../../aws/ivs/getParticipant';
import { listParticipants } from '../../aws/ivs/listParticipants';
import { listStageSessions } from '../../aws/ivs/listStageSessions';
import { participantEventsQuery } from '../../query/onAir';
import type { Page, ParticipantFilter, ParticipantKey, ParticipantSummary, Region } from '../../aws/types';

export const participantQueries = {
  all: (region: Region) => ['ivs', region, 'participants'] as const,
  inStage: (region: Region, stageArn: string) => [...participantQueries.all(region), 'stage', stageArn] as const,
  inSession: (region: Region, stageArn: string, sessionId: string) =>
    [...participantQueries.inStage(region, stageArn), 'session', sessionId] as const,
  pages: (region: Region, stageArn: string, sessionId: string, filter: ParticipantFilter) =>
    [...participantQueries.inSession(region, stageArn, sessionId), 'page', filter] as const,
  /**
   * Page `index` of the session table, as its own query, so that only the pages in view are polled.
   * IVS tokens are positional and the key holds the index: page i reads page i-1's nextToken from the cache,
   * so refreshing page i-1 (new token text, same position) does not refetch page i.
   */
  page: (aws: AwsLayer, region: Region, stageArn: string, sessionId: string, filter: ParticipantFilter, index: number) =>
    queryOptions({
      queryKey: [...participantQueries.pages(region, stageArn, sessionId, filter), index] as const,
      queryFn: async ({ signal, client }): Promise<Page<ParticipantSummary>> => {
        let nextToken: string | undefined;
        if (index > 0) {
          const prev = client.getQueryData<Page<ParticipantSummary>>([...participantQueries.pages(region, stageArn, sessionId, filter), index - 1]);
          nextToken = prev?.nextToken;
          if (!nextToken) return { items: [] };
        }
        return listParticipants(aws, region, { stageArn, sessionId, filter, nextToken }, signal);
      },
    }),
  detail: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: [...participantQueries.inSession(region, key.stageArn, key.sessionId), 'detail', key] as const,
      queryFn: ({ signal }) => getParticipant(aws, region, key, signal),
    }),
  /** One key for a participant's events, shared with the on-air lookups (query/onAir.ts). */
  events: (aws: AwsLayer, region: Region, key: ParticipantKey) => participantEventsQuery(aws, region, key),
  /**
   * The stage's sessions for a rejoin watch (rejoin.ts): the first page only. AWS is silent on the order of
   * ListStageSessions; the sessions a rejoin can be in are the newest, and rejoin.ts sorts them itself.
   */
  rejoinSessions: (aws: AwsLayer, region: Region, stageArn: string) =>
    queryOptions({
      queryKey: [...participantQueries.inStage(region, stageArn), 'rejoin-sessions'] as const,
      queryFn: ({ signal }) => listStageSessions(aws, region, stageArn, undefined, signal),
    }),
};
