import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../aws/awsLayer';
import { getStage } from '../../aws/ivs/getStage';
import { listParticipants } from '../../aws/ivs/listParticipants';
import { listAllStages } from '../../aws/ivs/listStages';
import { STAGE_WALK_PAGE_GAP_MS } from '../../query/budget';
import { listStageSessions } from '../../aws/ivs/listStageSessions';
import type { Region } from '../../aws/types';

export type LiveCounts = { connected: number; publishing: number; more: boolean };

// Keys run generic → specific and start with the region; the AWS layer is never part of a key.
export const stageQueries = {
  all: (region: Region) => ['ivs', region, 'stages'] as const,
  lists: (region: Region) => [...stageQueries.all(region), 'list'] as const,
  list: (aws: AwsLayer, region: Region) =>
    queryOptions({
      queryKey: stageQueries.lists(region),
      queryFn: ({ signal }) => listAllStages(aws, region, signal, STAGE_WALK_PAGE_GAP_MS),
    }),
  details: (region: Region) => [...stageQueries.all(region), 'detail'] as const,
  one: (region: Region, arn: string) => [...stageQueries.details(region), arn] as const,
  detail: (aws: AwsLayer, region: Region, arn: string) =>
    queryOptions({
      queryKey: [...stageQueries.one(region, arn), 'stage'] as const,
      queryFn: ({ signal }) => getStage(aws, region, arn, signal),
    }),
  sessions: (aws: AwsLayer, region: Region, arn: string) =>
    infiniteQueryOptions({
      queryKey: [...stageQueries.one(region, arn), 'sessions'] as const,
      queryFn: ({ signal, pageParam }) => listStageSessions(aws, region, arn, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextToken,
    }),
  /**
   * Connected and publishing counts for a live session: one ListParticipants call filtered by state,
   * counting CONNECTED rows that have published. More than one page of connected participants shows as "N+".
   */
  liveCounts: (aws: AwsLayer, region: Region, arn: string, sessionId: string) =>
    queryOptions({
      queryKey: [...stageQueries.one(region, arn), 'live-counts', sessionId] as const,
      queryFn: async ({ signal }): Promise<LiveCounts> => {
        const page = await listParticipants(
          aws,
          region,
          { stageArn: arn, sessionId, filter: { kind: 'state', value: 'CONNECTED' } },
          signal,
        );
        return {
          connected: page.items.length,
          publishing: page.items.filter((p) => p.published).length,
          more: page.nextToken !== undefined,
        };
      },
    }),
};
