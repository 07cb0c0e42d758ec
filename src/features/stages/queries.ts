import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../aws/awsLayer';
import { getStage } from '../../aws/ivs/getStage';
import { listParticipants } from '../../aws/ivs/listParticipants';
import { listAllStages } from '../../aws/ivs/listStages';
import { STAGE_WALK_PAGE_GAP_MS } from '../../query/budget';
import { listStageSessions } from '../../aws/ivs/listStageSessions';
import type { Region } from '../../aws/types';
import { lookUpOnAir } from '../../query/onAir';

/**
 * `onAir` counts participants whose latest publish event says they are sending media now; `onAirUnknown` those
 * that have published and are connected but whose events the budget did not reach (the true count lies between
 * `onAir` and `onAir + onAirUnknown`); `published` those that have published at some point, on air or not.
 */
export type LiveCounts = { connected: number; onAir: number; onAirUnknown: number; published: number; more: boolean };

/** How long a participant's events serve the on-air count before they are looked up again. */
const ON_AIR_FRESH_MS = 15_000;

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
   * Connected and on-air counts for a live session: one ListParticipants call filtered by state, then the
   * events of the connected participants that have published (query/onAir.ts, within the lookup allowance).
   * More than one page of connected participants shows as "N+".
   */
  liveCounts: (aws: AwsLayer, region: Region, arn: string, sessionId: string) =>
    queryOptions({
      queryKey: [...stageQueries.one(region, arn), 'live-counts', sessionId] as const,
      queryFn: async ({ signal, client }): Promise<LiveCounts> => {
        const page = await listParticipants(
          aws,
          region,
          { stageArn: arn, sessionId, filter: { kind: 'state', value: 'CONNECTED' } },
          signal,
        );
        const published = page.items.filter((p) => p.published);
        const onAir = [...(await lookUpOnAir(client, aws, region, arn, sessionId, published, ON_AIR_FRESH_MS)).values()];
        return {
          connected: page.items.length,
          onAir: onAir.filter((s) => s.kind === 'on-air').length,
          onAirUnknown: onAir.filter((s) => s.kind === 'unknown').length,
          published: published.length,
          more: page.nextToken !== undefined,
        };
      },
    }),
};
