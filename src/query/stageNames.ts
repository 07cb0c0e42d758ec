// Stage names for every place a stage appears by ARN. They come from the region's ListStages walk, under the
// same key as the stage list, so a console that has shown the list already knows them and one that has not
// walks it once (a call per 100 stages) and keeps it for a minute.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
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

/** A stage record (a list row, a stage, a picker option) with this ARN and a name, searched a few levels deep. */
function findNamed(v: unknown, arn: string, depth: number): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as { arn?: unknown; name?: unknown };
  if (r.arn === arn && typeof r.name === 'string' && r.name) return r.name;
  if (depth === 0) return undefined;
  for (const child of Array.isArray(v) ? v : Object.values(v)) {
    const hit = findNamed(child, arn, depth - 1);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A stage's name as the cache knows it now, for text written once (a notice): the region's stage list first, else
 * any cached view of the region that holds the stage (its own page, a picker's list).
 */
export function cachedStageName(qc: QueryClient, arn: string): string | undefined {
  const region = regionOfArn(arn);
  if (!region) return undefined;
  const fromList = qc.getQueryData<StageSummary[]>(['ivs', region, 'stages', 'list'])?.find((s) => s.arn === arn)?.name;
  if (fromList) return fromList;
  for (const q of qc.getQueryCache().findAll({ queryKey: ['ivs', region] })) {
    const hit = findNamed(q.state.data, arn, 4);
    if (hit) return hit;
  }
  return undefined;
}

type Person = { participantId: string; userId?: string; attributes?: Record<string, string> };

function isPerson(v: unknown, participantId: string): v is Person {
  return typeof v === 'object' && v !== null && (v as { participantId?: unknown }).participantId === participantId;
}

/** The first cached record of this participant (a list row, a page item, a picker entry), searched a few levels deep. */
function findPerson(v: unknown, participantId: string, depth: number): Person | undefined {
  if (isPerson(v, participantId)) return v;
  if (depth === 0 || typeof v !== 'object' || v === null) return undefined;
  for (const child of Array.isArray(v) ? v : Object.values(v)) {
    const hit = findPerson(child, participantId, depth - 1);
    if (hit?.userId || hit?.attributes?.displayName) return hit;
  }
  return undefined;
}

/**
 * The participant as a producer knows them: "host-maya.okafor (Maya Okafor)" from the user id and the displayName
 * attribute, whichever any cached view of the region has seen; the participant id when none has. Both are chosen
 * by whoever minted the token, so the text is revealed and bounded for a plain-text sink by the caller.
 */
export function cachedParticipant(qc: QueryClient, region: Region, participantId: string): { userId?: string; displayName?: string } {
  for (const q of qc.getQueryCache().findAll({ queryKey: ['ivs', region] })) {
    const p = findPerson(q.state.data, participantId, 5);
    if (p?.userId || p?.attributes?.displayName) return { userId: p.userId || undefined, displayName: p.attributes?.displayName || undefined };
  }
  return {};
}
