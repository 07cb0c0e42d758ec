// Find a user anywhere. IVS has no account-wide lookup, so this walks
// ListStages → each stage's live session (and, on request, its recent sessions) → ListParticipants(filterByUserId),
// streaming each hit as it arrives. When the text is also a valid participant id, GetParticipant in each session
// resolves it exactly. Every call goes through a rate limiter: each operation stays at ≤ 2.5 requests/s per region.
import type { AwsLayer } from '../../../aws/awsLayer';
import { AppError } from '../../../aws/errors';
import { getParticipant } from '../../../aws/ivs/getParticipant';
import { listParticipants } from '../../../aws/ivs/listParticipants';
import { listStages } from '../../../aws/ivs/listStages';
import { listStageSessions } from '../../../aws/ivs/listStageSessions';
import { createRateLimiter, type RateLimiter } from '../../../aws/rateLimiter';
import type { ParticipantSummary, Region, StageSummary } from '../../../aws/types';
import { PARTICIPANT_ID } from '../../../routing/params';

export type FindHit = {
  region: Region;
  stageArn: string;
  stageName: string;
  sessionId: string;
  /** The session is the stage's live one. */
  live: boolean;
  /** How it matched: the user id filter, or the exact participant id. */
  match: 'userId' | 'participantId';
  participant: ParticipantSummary;
};

export type FindProgress = { region: Region; stagesTotal: number; stagesDone: number; sessionsSearched: number; requests: number; done: boolean };

export type FindOptions = {
  query: string;
  regions: readonly Region[];
  /** Also search each stage's most recent ended sessions (ListStageSessions, first page). */
  recent: boolean;
  /** How many ended sessions per stage when `recent` is on. */
  recentSessions?: number;
  limiter?: RateLimiter;
  onHit: (hit: FindHit) => void;
  onProgress: (p: FindProgress) => void;
  signal: AbortSignal;
};

export const RECENT_SESSIONS_PER_STAGE = 3;

type Ctx = FindOptions & { aws: AwsLayer; limiter: RateLimiter; region: Region; progress: FindProgress };

async function paced<T>(ctx: Ctx, operation: string, call: () => Promise<T>): Promise<T> {
  await ctx.limiter.take(`${ctx.region}:${operation}`, ctx.signal);
  ctx.progress.requests += 1;
  return call();
}

async function searchSession(ctx: Ctx, stage: StageSummary, sessionId: string, live: boolean, seen: Set<string>): Promise<void> {
  const { query, region, signal } = ctx;
  const report = (participant: ParticipantSummary, match: FindHit['match']): void => {
    const k = `${region}|${stage.arn}|${sessionId}|${participant.participantId}`;
    if (seen.has(k)) return;
    seen.add(k);
    ctx.onHit({ region, stageArn: stage.arn, stageName: stage.name, sessionId, live, match, participant });
  };
  const byId = PARTICIPANT_ID.test(query)
    ? paced(ctx, 'GetParticipant', () => getParticipant(ctx.aws, region, { stageArn: stage.arn, sessionId, participantId: query }, signal)).then(
        (p) => report(p, 'participantId'),
        (e: unknown) => {
          // Not found is the usual answer here; anything else (throttled, denied) ends the search with its reason.
          if (!(e instanceof AppError && e.kind === 'not-found')) throw e;
        },
      )
    : Promise.resolve();
  const byUser = (async () => {
    let nextToken: string | undefined;
    do {
      const page = await paced(ctx, 'ListParticipants', () =>
        listParticipants(ctx.aws, region, { stageArn: stage.arn, sessionId, filter: { kind: 'userId', value: query }, nextToken }, signal),
      );
      page.items.forEach((p) => report(p, 'userId'));
      nextToken = page.nextToken;
    } while (nextToken);
  })();
  await Promise.all([byId, byUser]);
  ctx.progress.sessionsSearched += 1;
}

async function searchRegion(ctx: Ctx): Promise<void> {
  const seen = new Set<string>();
  const emit = (): void => ctx.onProgress({ ...ctx.progress });
  const stages: StageSummary[] = [];
  let token: string | undefined;
  do {
    const page = await paced(ctx, 'ListStages', () => listStages(ctx.aws, ctx.region, token, ctx.signal));
    stages.push(...page.items);
    ctx.progress.stagesTotal = stages.length;
    emit();
    token = page.nextToken;
  } while (token);
  for (const stage of stages) {
    if (stage.activeSessionId) await searchSession(ctx, stage, stage.activeSessionId, true, seen);
    if (ctx.recent) {
      const sessions = await paced(ctx, 'ListStageSessions', () => listStageSessions(ctx.aws, ctx.region, stage.arn, undefined, ctx.signal));
      const ended = sessions.items.filter((s) => s.sessionId !== stage.activeSessionId).slice(0, ctx.recentSessions ?? RECENT_SESSIONS_PER_STAGE);
      for (const s of ended) await searchSession(ctx, stage, s.sessionId, false, seen);
    }
    ctx.progress.stagesDone += 1;
    emit();
  }
}

/** Searches every region in parallel (the rate limits are per region), each stage in turn. */
export async function findUser(aws: AwsLayer, opts: FindOptions): Promise<void> {
  const limiter = opts.limiter ?? createRateLimiter();
  await Promise.all(
    opts.regions.map(async (region) => {
      const progress: FindProgress = { region, stagesTotal: 0, stagesDone: 0, sessionsSearched: 0, requests: 0, done: false };
      await searchRegion({ ...opts, aws, limiter, region, progress });
      opts.onProgress({ ...progress, done: true });
    }),
  );
}
