// Loads everything a participant's merged story needs, paced by the rate limiter so a story
// never exceeds 2.5 requests/s of any operation. Not polled: the page refreshes it on request.
import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../../aws/awsLayer';
import { AppError } from '../../../aws/errors';
import { getParticipant } from '../../../aws/ivs/getParticipant';
import { listAllParticipantEvents } from '../../../aws/ivs/listParticipantEvents';
import { listParticipants } from '../../../aws/ivs/listParticipants';
import { listStageSessions } from '../../../aws/ivs/listStageSessions';
import { createRateLimiter, type RateLimiter } from '../../../aws/rateLimiter';
import type { Participant, ParticipantKey, Region } from '../../../aws/types';
import { participantQueries } from '../queries';
import { mergeStory, type Story, type StoryConnection } from './story';

/** Sessions of the stage searched for other connections of the user (newest first), and connections at most. */
export const STORY_SESSIONS = 5;
export const STORY_MAX_CONNECTIONS = 20;

const sameKey = (a: ParticipantKey, b: ParticipantKey): boolean =>
  a.stageArn === b.stageArn && a.sessionId === b.sessionId && a.participantId === b.participantId;

async function optional<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    // A participant or session that is gone leaves a hole in the story, not an error page.
    if (e instanceof AppError && e.kind === 'not-found') return undefined;
    throw e;
  }
}

export async function loadStory(aws: AwsLayer, region: Region, focus: ParticipantKey, signal?: AbortSignal, limiter: RateLimiter = createRateLimiter()): Promise<Story> {
  const paced = async <T>(op: string, call: () => Promise<T>): Promise<T> => {
    await limiter.take(`${region}:${op}`, signal);
    return call();
  };
  const get = (key: ParticipantKey): Promise<Participant | undefined> => optional(paced('GetParticipant', () => getParticipant(aws, region, key, signal)));
  const events = (key: ParticipantKey) => paced('ListParticipantEvents', () => listAllParticipantEvents(aws, region, key, signal));

  const self = await paced('GetParticipant', () => getParticipant(aws, region, focus, signal));
  // A replica's story is told from its source: the user's connections live in the source stage.
  const origin: ParticipantKey =
    self.replicationType === 'REPLICA' && self.sourceStageArn && self.sourceSessionId
      ? { stageArn: self.sourceStageArn, sessionId: self.sourceSessionId, participantId: focus.participantId }
      : focus;
  const originP = sameKey(origin, focus) ? self : await get(origin);
  const userId = originP?.userId ?? self.userId;

  // The user's connections: every participant with the same user id in the stage's recent sessions.
  const userKeys: ParticipantKey[] = [origin];
  if (userId) {
    const sessions = await paced('ListStageSessions', () => listStageSessions(aws, region, origin.stageArn, undefined, signal));
    const ids = [origin.sessionId, ...sessions.items.map((s) => s.sessionId).filter((s) => s !== origin.sessionId)].slice(0, STORY_SESSIONS);
    for (const sessionId of ids) {
      let nextToken: string | undefined;
      do {
        const page = await paced('ListParticipants', () =>
          listParticipants(aws, region, { stageArn: origin.stageArn, sessionId, filter: { kind: 'userId', value: userId }, nextToken }, signal),
        );
        for (const p of page.items) {
          const key = { stageArn: origin.stageArn, sessionId, participantId: p.participantId };
          if (p.replicationType !== 'REPLICA' && !userKeys.some((k) => sameKey(k, key))) userKeys.push(key);
        }
        nextToken = page.nextToken;
      } while (nextToken && userKeys.length < STORY_MAX_CONNECTIONS);
    }
  }

  const known = new Map<string, Participant | undefined>([[JSON.stringify(focus), self]]);
  if (originP) known.set(JSON.stringify(origin), originP);
  const connections: StoryConnection[] = await Promise.all(
    userKeys.slice(0, STORY_MAX_CONNECTIONS).map(async (key) => {
      const participant = known.has(JSON.stringify(key)) ? known.get(JSON.stringify(key)) : await get(key);
      return { key, role: 'user' as const, focus: sameKey(key, focus), ...(participant ? { participant } : {}), events: await events(key) };
    }),
  );

  // Replicas, found from the REPLICATION_STARTED events of the user's connections (no extra listing needed).
  const replicaKeys: ParticipantKey[] = [];
  for (const c of connections) {
    for (const e of c.events) {
      if (e.name !== 'REPLICATION_STARTED' || !e.destinationStageArn || !e.destinationSessionId) continue;
      const key = { stageArn: e.destinationStageArn, sessionId: e.destinationSessionId, participantId: c.key.participantId };
      if (!replicaKeys.some((k) => sameKey(k, key))) replicaKeys.push(key);
    }
  }
  if (!sameKey(origin, focus) && !replicaKeys.some((k) => sameKey(k, focus))) replicaKeys.push(focus);
  const replicas: StoryConnection[] = await Promise.all(
    replicaKeys.slice(0, STORY_MAX_CONNECTIONS).map(async (key) => {
      const participant = known.has(JSON.stringify(key)) ? known.get(JSON.stringify(key)) : await get(key);
      return { key, role: 'replica' as const, focus: sameKey(key, focus), ...(participant ? { participant } : {}), events: (await optional(events(key))) ?? [] };
    }),
  );
  return mergeStory(region, focus, [...connections, ...replicas]);
}

export const storyQueries = {
  story: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: [...participantQueries.inSession(region, key.stageArn, key.sessionId), 'story', key] as const,
      queryFn: ({ signal }) => loadStory(aws, region, key, signal),
      // Loading a story costs many calls; it is refreshed on request, not in the background.
      staleTime: Infinity,
    }),
};
