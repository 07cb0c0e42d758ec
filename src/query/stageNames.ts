// Stage names for every place a stage appears by ARN. They come from the region's ListStages walk, under the
// same key as the stage list, so a console that has shown the list already knows them and one that has not
// walks it once (a call per 100 stages) and keeps it for a minute.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAws } from '../aws/AwsProvider';
import { listAllStages } from '../aws/ivs/listStages';
import type { Region, StageSummary } from '../aws/types';
import type { AwsLayer } from '../aws/awsLayer';

const NAMES_FRESH_MS = 60_000;

export const stageNamesQuery = (aws: AwsLayer, region: Region) =>
  queryOptions({
    queryKey: ['ivs', region, 'stages', 'list'] as const,
    queryFn: ({ signal }) => listAllStages(aws, region, signal),
  });

/** The region in a stage ARN (`arn:aws:ivs:<region>:<account>:stage/<id>`), or undefined for anything else. */
export function regionOfArn(arn: string): Region | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts[2] === 'ivs' && parts[3] ? (parts[3] as Region) : undefined;
}

/** A stage's name from its ARN (undefined while loading, for an unknown stage, or when the list cannot be read). */
export function useStageName(arn: string | undefined): string | undefined {
  const aws = useAws();
  const region = arn ? regionOfArn(arn) : undefined;
  const known = region !== undefined && aws.regions.includes(region);
  const q = useQuery({
    ...stageNamesQuery(aws, (known ? region : aws.regions[0]) as Region),
    enabled: known,
    staleTime: NAMES_FRESH_MS,
    select: (list: StageSummary[]) => list.find((s) => s.arn === arn)?.name || undefined,
  });
  return known ? q.data : undefined;
}
