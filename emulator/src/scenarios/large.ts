// The `large` scenario: 1,000 stages across two regions, and one session of 25,000 participants.
// It is seeded in-process through the same operation handlers and control routes the HTTP server uses:
// 26,000 signed HTTP round trips would only make the start slow, not the result different.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/credentials.ts';
import { handleControl } from '../control/routes.ts';
import { handlers } from '../operations/index.ts';
import { PageTokens } from '../operations/pagination.ts';
import type { OperationContext } from '../operations/types.ts';
import type { Emulator } from '../server.ts';
import { clientInfo } from './clients.ts';
import type { RunningScenario, ScenarioEnv } from './index.ts';
import { seededRng } from './rng.ts';

export const LARGE_STAGES = 1000;
export const LARGE_SESSION_PARTICIPANTS = 25_000;

function contextFor(em: Emulator, region: string): OperationContext {
  const backend = em.world.backend(em.accountId, region);
  if (!backend) throw new Error(`No state for region ${region}.`);
  const caller: Caller = { accessKeyId: 'scenario', accountId: em.accountId, principalArn: `arn:aws:iam::${em.accountId}:root`, kind: 'static' };
  return { backend, region, accountId: em.accountId, caller, requestId: randomUUID(), tokens: new PageTokens(), now: em.clock.now(), defaultPageSize: 50 };
}

/** Seeds `participants` joined participants into a new stage, the first 12 publishing (the per-stage publisher limit); returns its ARN and session id. */
export async function seedCrowd(em: Emulator, region: string, name: string, participants: number, seed = 7): Promise<{ stageArn: string; sessionId: string }> {
  const rng = seededRng(seed);
  const ctx = contextFor(em, region);
  const created = (await handlers.CreateStage({ name, tags: { scenario: 'large' } }, ctx)) as { stage: { arn: string } };
  const stageArn = created.stage.arn;
  let sessionId = '';
  for (let i = 0; i < participants; i++) {
    const publish = i < 12;
    const out = (await handlers.CreateParticipantToken(
      { stageArn, userId: `fan-${String(i).padStart(5, '0')}`, capabilities: publish ? ['PUBLISH', 'SUBSCRIBE'] : ['SUBSCRIBE'] },
      { ...ctx, now: em.clock.now() },
    )) as { participantToken: { token: string } };
    const env = { world: em.world, clock: em.clock, faults: em.faults, access: em.access, account: em.account, log: em.log };
    const joined = await handleControl('POST', '/participants/join', { token: out.participantToken.token, clientInfo: clientInfo(rng) }, env);
    if (joined.status !== 200) throw new Error(`seeding participant ${i} failed: ${JSON.stringify(joined.body)}`);
    const j = joined.body as { participantId: string; sessionId: string };
    sessionId = j.sessionId;
    if (publish) await handleControl('POST', '/participants/publish', { stageArn, participantId: j.participantId }, env);
  }
  return { stageArn, sessionId };
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
  return { stop() {} };
}
