import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../aws/awsLayer';
import { getParticipant } from '../../aws/ivs/getParticipant';
import { listParticipants } from '../../aws/ivs/listParticipants';
import { createRateLimiter } from '../../aws/rateLimiter';
import type { ParticipantKey, ParticipantSummary, Region } from '../../aws/types';
import { budgetPerMinute, STAGE_WALK_PAGE_GAP_MS } from '../../query/budget';
import { deriveOnAir, lookUpOnAir, type OnAir } from '../../query/onAir';
import { listAllStages } from '../../aws/ivs/listStages';

export type BoardParticipant = ParticipantSummary & { onAir: OnAir };
export type BoardSnapshot = { participants: BoardParticipant[]; more: boolean };

/** How long a participant's events serve the board before they are looked up again. */
const ON_AIR_FRESH_MS = 15_000;

// Display names come from GetParticipant (attributes). A board opening on two dozen live stages would otherwise ask
// for them all in the same instant: they go out through one pacer per region at the operation's budget share.
const namePacer = createRateLimiter(budgetPerMinute('GetParticipant') / 60);

export const boardQueries = {
  /** A region's stages: the same key (and walk) as the stage list, so the two share one cache entry. */
  list: (aws: AwsLayer, region: Region) =>
    queryOptions({
      queryKey: ['ivs', region, 'stages', 'list'] as const,
      queryFn: ({ signal }) => listAllStages(aws, region, signal, STAGE_WALK_PAGE_GAP_MS),
    }),
  /**
   * One live stage as the board shows it: the connected participants (one ListParticipants call) and, for those
   * that have published, on air or not from their events within the lookup allowance. Under the stage's key, so
   * a pushed event about the stage refetches it.
   */
  stage: (aws: AwsLayer, region: Region, arn: string, sessionId: string) =>
    queryOptions({
      queryKey: ['ivs', region, 'stages', 'detail', arn, 'board', sessionId] as const,
      queryFn: async ({ signal, client }): Promise<BoardSnapshot> => {
        const page = await listParticipants(aws, region, { stageArn: arn, sessionId, filter: { kind: 'state', value: 'CONNECTED' } }, signal);
        const onAir = await lookUpOnAir(client, aws, region, arn, sessionId, page.items.filter((p) => p.published), ON_AIR_FRESH_MS);
        return {
          participants: page.items.map((p) => ({ ...p, onAir: onAir.get(p.participantId) ?? deriveOnAir(p, undefined) })),
          more: page.nextToken !== undefined,
        };
      },
    }),
  /** A participant's display name (attributes.displayName, else attributes.name), which never changes within its session. */
  displayName: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: ['ivs', region, 'participants', 'stage', key.stageArn, 'session', key.sessionId, 'board-name', key] as const,
      queryFn: async ({ signal }): Promise<string> => {
        await namePacer.take(`${region}:GetParticipant`, signal);
        const p = await getParticipant(aws, region, key, signal);
        return p.attributes.displayName ?? p.attributes.name ?? '';
      },
      staleTime: Infinity,
    }),
};
