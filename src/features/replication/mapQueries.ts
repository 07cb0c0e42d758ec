// The replication map. IVS has no "list every replication" call, so the map reads it off the
// participants: ListStages, then ListParticipants (CONNECTED) in each live session; every REPLICA participant that is
// ACTIVE is one edge source stage → participant → destination stage. Calls are paced (under 2.5/s per operation) and the
// poll interval is stretched so the steady rate stays within half of each 5 TPS limit (query/budget.ts).
import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../aws/awsLayer';
import { listParticipants } from '../../aws/ivs/listParticipants';
import { listStages } from '../../aws/ivs/listStages';
import { createRateLimiter, SEARCH_RATE_PER_SECOND } from '../../aws/rateLimiter';
import type { Region, ReplicationState, StageSummary } from '../../aws/types';
import { budgetedInterval } from '../../query/budget';
import { replicaQueries } from './queries';

export type ReplicationEdge = {
  sourceStageArn: string;
  sourceSessionId: string;
  participantId: string;
  userId?: string;
  destinationStageArn: string;
  destinationSessionId: string;
  state: ReplicationState;
  /** When the replica joined the destination (its firstJoinTime); the age shown on the map. */
  since?: string;
};

export type ReplicationMap = {
  edges: ReplicationEdge[];
  stageNames: Record<string, string>;
  /** Requests one refresh made, per operation: the poll interval is planned from them. */
  calls: { ListStages: number; ListParticipants: number };
};

/**
 * The map's walk runs a little under the console's share of each operation: at 1,000 stages one refresh takes
 * minutes, and a map left open should not sit exactly on the budget while the rest of the console polls too.
 */
export const MAP_WALK_RATE_PER_SECOND = SEARCH_RATE_PER_SECOND * 0.9;

export async function loadReplicationMap(aws: AwsLayer, region: Region, signal?: AbortSignal): Promise<ReplicationMap> {
  const limiter = createRateLimiter(MAP_WALK_RATE_PER_SECOND);
  const calls = { ListStages: 0, ListParticipants: 0 };
  const stages: StageSummary[] = [];
  let token: string | undefined;
  do {
    await limiter.take(`${region}:ListStages`, signal);
    calls.ListStages += 1;
    const page = await listStages(aws, region, token, signal);
    stages.push(...page.items);
    token = page.nextToken;
  } while (token);
  const edges: ReplicationEdge[] = [];
  for (const stage of stages) {
    if (!stage.activeSessionId) continue;
    let next: string | undefined;
    do {
      await limiter.take(`${region}:ListParticipants`, signal);
      calls.ListParticipants += 1;
      const page = await listParticipants(
        aws,
        region,
        { stageArn: stage.arn, sessionId: stage.activeSessionId, filter: { kind: 'state', value: 'CONNECTED' }, nextToken: next },
        signal,
      );
      for (const p of page.items) {
        if (p.replicationType !== 'REPLICA' || p.replicationState !== 'ACTIVE' || !p.sourceStageArn || !p.sourceSessionId) continue;
        edges.push({
          sourceStageArn: p.sourceStageArn,
          sourceSessionId: p.sourceSessionId,
          participantId: p.participantId,
          ...(p.userId ? { userId: p.userId } : {}),
          destinationStageArn: stage.arn,
          destinationSessionId: stage.activeSessionId,
          state: p.replicationState,
          ...(p.firstJoinTime ? { since: p.firstJoinTime } : {}),
        });
      }
      next = page.nextToken;
    } while (next);
  }
  edges.sort((a, b) => a.sourceStageArn.localeCompare(b.sourceStageArn) || a.participantId.localeCompare(b.participantId) || a.destinationStageArn.localeCompare(b.destinationStageArn));
  return { edges, stageNames: Object.fromEntries(stages.map((s) => [s.arn, s.name])), calls };
}

/** The map's poll interval: the configured one, stretched so each operation's calls per refresh fit the budget. */
export function mapInterval(baseMs: number, calls: ReplicationMap['calls'] | undefined): number {
  return Math.max(budgetedInterval('ListStages', baseMs, 1, calls?.ListStages ?? 1), budgetedInterval('ListParticipants', baseMs, 1, calls?.ListParticipants ?? 1));
}

export const mapQueries = {
  all: (region: Region) => [...replicaQueries.all(region), 'map'] as const,
  map: (aws: AwsLayer, region: Region) =>
    queryOptions({
      queryKey: mapQueries.all(region),
      queryFn: ({ signal }) => loadReplicationMap(aws, region, signal),
    }),
};
