// The `large` scenario: 1,000 stages across two regions, and one session of 25,000 participants.
// It is seeded in-process through the same operation handlers and control routes the HTTP server uses:
// 26,000 signed HTTP round trips would only make the start slow, not the result different.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/credentials.ts';
import { handleControl } from '../control/routes.ts';
import { handlers } from '../operations/index.ts';
import { PageTokens } from '../state/page-tokens.ts';
import type { OperationContext } from '../operations/types.ts';
import type { Emulator } from '../server.ts';
import { clientInfo } from './clients.ts';
import type { RunningScenario, ScenarioEnv } from './index.ts';
import { seededRng, type Rng } from './rng.ts';
import { joinStage, leaveStage } from '../state/presence.ts';
import type { TokenClaims } from '../state/tokens.ts';

export const LARGE_STAGES = 1000;
export const LARGE_SESSION_PARTICIPANTS = 25_000;

function contextFor(em: Emulator, region: string): OperationContext {
  const backend = em.world.backend(em.accountId, region);
  if (!backend) throw new Error(`No state for region ${region}.`);
  const caller: Caller = { accessKeyId: 'scenario', accountId: em.accountId, principalArn: `arn:aws:iam::${em.accountId}:root`, kind: 'static' };
  return { backend, region, accountId: em.accountId, caller, requestId: randomUUID(), tokens: new PageTokens(), now: em.clock.now(), defaultPageSize: 50 };
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const participantIdFrom = (rng: Rng) => Array.from({ length: 12 }, () => rng.pick([...ALPHANUMERIC])).join('');

export type Crowd = { stageArn: string; sessionId: string; viewers: { participantId: string; connected: boolean }[] };

/**
 * Seeds a stage with `participants` connected participants: the first 12 publish (the per-stage publisher limit),
 * the rest subscribe to the first publisher. Publishers join with real signed tokens through the control routes;
 * viewers join through the same presence code with the claims such a token carries, since signing 25,000
 * ES384 tokens would take half a minute and prove nothing more.
 */
export async function seedCrowd(em: Emulator, region: string, name: string, participants: number, seed = 7): Promise<Crowd> {
  const rng = seededRng(seed);
  const ctx = contextFor(em, region);
  const created = (await handlers.CreateStage({ name, tags: { scenario: 'large' } }, ctx)) as { stage: { arn: string } };
  const stageArn = created.stage.arn;
  const env = { world: em.world, clock: em.clock, faults: em.faults, log: em.log, access: em.access, account: em.account };
  const publishers = Math.min(12, participants);
  let sessionId = '';
  let firstPublisher = '';
  for (let i = 0; i < publishers; i++) {
    const out = (await handlers.CreateParticipantToken(
      { stageArn, userId: `presenter-${i + 1}`, capabilities: ['PUBLISH', 'SUBSCRIBE'] },
      { ...ctx, now: em.clock.now() },
    )) as { participantToken: { token: string } };
    const joined = await handleControl('POST', '/participants/join', { token: out.participantToken.token, clientInfo: clientInfo(rng) }, env);
    if (joined.status !== 200) throw new Error(`seeding publisher ${i} failed: ${JSON.stringify(joined.body)}`);
    const j = joined.body as { participantId: string; sessionId: string };
    sessionId = j.sessionId;
    firstPublisher ||= j.participantId;
    await handleControl('POST', '/participants/publish', { stageArn, participantId: j.participantId }, env);
  }
  const backend = ctx.backend;
  const stage = backend.stages.get(stageArn);
  if (!stage) throw new Error(`stage ${stageArn} vanished while seeding`);
  const viewers: Crowd['viewers'] = [];
  for (let i = publishers; i < participants; i++) {
    const at = em.clock.now();
    const claims: TokenClaims = {
      participantId: participantIdFrom(rng), stageArn, stageId: stage.id, userId: `fan-${String(i).padStart(5, '0')}`,
      attributes: {}, capabilities: ['SUBSCRIBE'], issuedAt: at, expiresAt: at + 14 * 24 * 3_600_000,
    };
    const { session, participant } = joinStage(backend, stage, claims, clientInfo(rng), at);
    sessionId = session.id;
    const remote = firstPublisher ? session.index.get(firstPublisher) : undefined;
    if (remote) backend.subscribe(session, participant, remote, at);
    viewers.push({ participantId: participant.participantId, connected: true });
  }
  backend.changed();
  return { stageArn, sessionId, viewers };
}

/** Churn: every interval some viewers drop and some who dropped come back, as in a real audience. */
export function churn(em: Emulator, region: string, crowd: Crowd, rng: Rng, perTick = 25): () => void {
  const backend = em.world.backend(em.accountId, region);
  const step = () => {
    const session = backend?.session(crowd.stageArn, crowd.sessionId);
    const stage = backend?.stages.get(crowd.stageArn);
    if (!backend || !session || !stage) return;
    const at = em.clock.now();
    for (let i = 0; i < perTick; i++) {
      const v = rng.pick(crowd.viewers);
      const p = session.index.get(v.participantId);
      if (!p) continue;
      if (v.connected) leaveStage(backend, session, p, at);
      else joinStage(backend, stage, {
        participantId: p.participantId, stageArn: crowd.stageArn, stageId: stage.id, userId: p.userId,
        attributes: p.attributes, capabilities: p.capabilities, issuedAt: at, expiresAt: at + 3_600_000,
      }, {}, at);
      v.connected = !v.connected;
    }
    backend.changed();
  };
  const timer = setInterval(step, 2000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function startLarge(env: ScenarioEnv): Promise<RunningScenario> {
  const em = env.emulator;
  const started = Date.now();
  const regions = em.regions;
  for (let i = 0; i < LARGE_STAGES - 1; i++) {
    const region = regions[i % regions.length];
    await handlers.CreateStage({ name: `stage-${String(i).padStart(4, '0')}`, tags: { scenario: 'large', shard: String(i % 10) } }, contextFor(em, region));
  }
  const crowd = await seedCrowd(em, regions[0], 'stadium-25k', LARGE_SESSION_PARTICIPANTS, env.seed);
  console.log(`large scenario: ${LARGE_STAGES} stages, ${LARGE_SESSION_PARTICIPANTS} participants in ${crowd.stageArn} session ${crowd.sessionId} (${Date.now() - started} ms)`);
  const stop = churn(em, regions[0], crowd, seededRng(env.seed + 1));
  return { stop };
}
