import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../aws/awsLayer';
import { getParticipant } from '../../aws/ivs/getParticipant';
import { getStage } from '../../aws/ivs/getStage';
import { listParticipantReplicas } from '../../aws/ivs/listParticipantReplicas';
import { listParticipants } from '../../aws/ivs/listParticipants';
import { listAllStages } from '../../aws/ivs/listStages';
import { STAGE_WALK_PAGE_GAP_MS } from '../../query/budget';
import { PAGE_SIZE } from '../../aws/limits';
import { listAllParticipantEvents } from '../../aws/ivs/listParticipantEvents';
import type { ParticipantKey, Region } from '../../aws/types';
import { deriveOnAir, lookUpOnAir } from '../../query/onAir';
import { createRateLimiter } from '../../aws/rateLimiter';

/** A participant's events read for a picker serve this long before they are looked up again. */
const PICKER_FRESH_MS = 10_000;

export type ReplicaSource = { sourceStageArn: string; participantId: string };

/** The attribute keys a token's creator uses for a person's name, most specific first. */
const NAME_KEYS = ['displayName', 'display_name', 'name'] as const;

/** The name the participant's token gave it, if any (attributes are chosen by whoever minted the token). */
export function displayNameOf(attributes: Readonly<Record<string, string>>): string | undefined {
  for (const k of NAME_KEYS) {
    const v = attributes[k]?.trim();
    if (v) return v;
  }
  return undefined;
}

// Names are read one GetParticipant at a time, within the console's share of that operation's rate.
const nameLimiter = createRateLimiter();

export const replicaQueries = {
  all: (region: Region) => ['ivs', region, 'replicas'] as const,
  ofParticipant: (region: Region, source: ReplicaSource) =>
    [...replicaQueries.all(region), 'source', source.sourceStageArn, source.participantId] as const,
  list: (aws: AwsLayer, region: Region, source: ReplicaSource) =>
    queryOptions({
      queryKey: replicaQueries.ofParticipant(region, source),
      queryFn: ({ signal }) => listParticipantReplicas(aws, region, source, signal),
    }),
  /** Participants of a session that take part in replication (the first page of rows, unfiltered). */
  inSession: (aws: AwsLayer, region: Region, stageArn: string, sessionId: string) =>
    queryOptions({
      queryKey: [...replicaQueries.all(region), 'stage', stageArn, 'session', sessionId] as const,
      queryFn: async ({ signal }) => {
        const page = await listParticipants(aws, region, { stageArn, sessionId, filter: { kind: 'none' } }, signal);
        return page.items.filter((p) => p.replicationType !== 'NONE');
      },
    }),
  // What the form's pickers need.
  stageOptions: (aws: AwsLayer, region: Region) =>
    queryOptions({
      queryKey: [...replicaQueries.all(region), 'form', 'stages'] as const,
      queryFn: ({ signal }) => listAllStages(aws, region, signal, STAGE_WALK_PAGE_GAP_MS),
    }),
  /**
   * Connected participants of the source stage's live session that have published, each with whether it is on
   * air now (query/onAir.ts): only those can be replicated.
   */
  publishers: (aws: AwsLayer, region: Region, stageArn: string) =>
    queryOptions({
      queryKey: [...replicaQueries.all(region), 'form', 'publishers', stageArn] as const,
      queryFn: async ({ signal, client }) => {
        const stage = await getStage(aws, region, stageArn, signal);
        if (!stage.activeSessionId) return { sessionId: undefined, publishers: [] };
        const page = await listParticipants(
          aws,
          region,
          { stageArn, sessionId: stage.activeSessionId, filter: { kind: 'published' } },
          signal,
        );
        const publishers = page.items.filter((p) => p.state === 'CONNECTED' && p.replicationType !== 'REPLICA');
        const onAir = await lookUpOnAir(client, aws, region, stageArn, stage.activeSessionId, publishers, PICKER_FRESH_MS);
        return {
          sessionId: stage.activeSessionId,
          publishers: publishers.map((p) => ({ ...p, onAir: onAir.get(p.participantId) ?? deriveOnAir(p, undefined, 'budget') })),
        };
      },
    }),
  /** Joined but not on air in the source stage's live session (what can be armed): never published, or stopped. */
  notPublishing: (aws: AwsLayer, region: Region, stageArn: string) =>
    queryOptions({
      queryKey: [...replicaQueries.all(region), 'form', 'not-publishing', stageArn] as const,
      queryFn: async ({ signal, client }) => {
        const stage = await getStage(aws, region, stageArn, signal);
        if (!stage.activeSessionId) return [];
        const page = await listParticipants(aws, region, { stageArn, sessionId: stage.activeSessionId, filter: { kind: 'state', value: 'CONNECTED' }, maxResults: PAGE_SIZE.ListParticipants }, signal);
        const joined = page.items.filter((p) => p.replicationType !== 'REPLICA');
        const onAir = await lookUpOnAir(client, aws, region, stageArn, stage.activeSessionId, joined, PICKER_FRESH_MS);
        return joined.map((p) => ({ ...p, sessionId: stage.activeSessionId as string, onAir: onAir.get(p.participantId) ?? deriveOnAir(p, undefined, 'budget') })).filter((p) => p.onAir.kind !== 'on-air');
      },
    }),
  /**
   * A participant's display name (from its attributes) for the pickers; null when the token gave none. Attributes
   * come from the token and never change while the participant exists, so one read serves for good.
   */
  participantName: (aws: AwsLayer, region: Region, { stageArn, sessionId, participantId }: ParticipantKey) =>
    queryOptions({
      queryKey: ['ivs', region, 'participant-name', stageArn, sessionId, participantId] as const,
      queryFn: async ({ signal }) => {
        await nameLimiter.take(`${region}:GetParticipant`, signal);
        const p = await getParticipant(aws, region, { stageArn, sessionId, participantId }, signal);
        return displayNameOf(p.attributes) ?? null;
      },
      staleTime: Infinity,
      // A picker without a name still works: no retry storm for a label.
      retry: false,
    }),
  /** The participant an armed replication waits for (one GetParticipant per look). */
  armWatch: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: ['ivs', region, 'arm-watch', key.stageArn, key.sessionId, key.participantId] as const,
      queryFn: async ({ signal }) => {
        const p = await getParticipant(aws, region, { stageArn: key.stageArn, sessionId: key.sessionId, participantId: key.participantId }, signal);
        // Someone who published before and stopped has `published` already: only its events tell a new start.
        if (p.state !== 'CONNECTED' || !p.published) return { ...p, onAir: deriveOnAir(p, undefined) };
        const events = await listAllParticipantEvents(aws, region, { stageArn: key.stageArn, sessionId: key.sessionId, participantId: key.participantId }, signal);
        return { ...p, onAir: deriveOnAir(p, events) };
      },
    }),
};
