import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../aws/awsLayer';
import { getParticipant } from '../../aws/ivs/getParticipant';
import { listAllParticipantEvents } from '../../aws/ivs/listParticipantEvents';
import { listParticipants } from '../../aws/ivs/listParticipants';
import type { ParticipantFilter, ParticipantKey, Region } from '../../aws/types';

export const participantQueries = {
  all: (region: Region) => ['ivs', region, 'participants'] as const,
  inStage: (region: Region, stageArn: string) => [...participantQueries.all(region), 'stage', stageArn] as const,
  inSession: (region: Region, stageArn: string, sessionId: string) =>
    [...participantQueries.inStage(region, stageArn), 'session', sessionId] as const,
  list: (aws: AwsLayer, region: Region, stageArn: string, sessionId: string, filter: ParticipantFilter) =>
    infiniteQueryOptions({
      queryKey: [...participantQueries.inSession(region, stageArn, sessionId), 'list', filter] as const,
      queryFn: ({ signal, pageParam }) =>
        listParticipants(aws, region, { stageArn, sessionId, filter, nextToken: pageParam, maxResults: 50 }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextToken,
    }),
  detail: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: [...participantQueries.inSession(region, key.stageArn, key.sessionId), 'detail', key] as const,
      queryFn: ({ signal }) => getParticipant(aws, region, key, signal),
    }),
  events: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: [...participantQueries.inSession(region, key.stageArn, key.sessionId), 'events', key] as const,
      queryFn: ({ signal }) => listAllParticipantEvents(aws, region, key, signal),
    }),
};
