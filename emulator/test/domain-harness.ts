// Drives the domain directly (no HTTP): operation handlers with the pipeline's model validation in front, and
// the control routes. The contract tests over HTTP with the real SDK live in the other test files.
import { expect } from 'vitest';
import { handleControl, type ControlEnv } from '../src/control/routes.ts';
import { AccessPolicy } from '../src/http/access.ts';
import { AccountStatus } from '../src/http/account.ts';
import { ServiceError } from '../src/errors.ts';
import { FaultInjector } from '../src/http/faults.ts';
import { RequestLog } from '../src/http/log.ts';
import { ivsRealtimeModel as model } from '../src/model/generated/ivs-realtime.ts';
import { validateStructure } from '../src/model/validate.ts';
import { handlers } from '../src/operations/index.ts';
import { PageTokens } from '../src/state/page-tokens.ts';
import type { OperationContext } from '../src/operations/types.ts';
import { Clock } from '../src/state/clock.ts';
import { World, type WorldOptions } from '../src/state/world.ts';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const OTHER_REGION = 'eu-west-1';
export const IDLE_MS = 10_000;

type Out = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function harness(options: Partial<WorldOptions> = {}) {
  const clock = new Clock();
  const world = new World({ accountId: ACCOUNT, regions: [REGION, OTHER_REGION], clock, sessionIdleMs: IDLE_MS, seed: 'domain-tests', ...options });
  const env: ControlEnv = { world, clock, faults: new FaultInjector(), access: new AccessPolicy(), account: new AccountStatus(), log: new RequestLog() };
  const tokens = new PageTokens();

  function ctx(operation: string, region = REGION, accountId = ACCOUNT): OperationContext {
    const backend = world.backend(accountId, region);
    if (!backend) throw new Error(`no backend for ${region}`);
    const caller = { accessKeyId: 'test', accountId, principalArn: `arn:aws:iam::${accountId}:root`, kind: 'static' as const };
    const defaultPageSize = model.operations[operation].paginated?.defaultPageSize ?? 50;
    return { backend, region, accountId, caller, requestId: 'test', tokens, now: clock.now(), defaultPageSize };
  }

  /** Runs an operation as the pipeline does: tick, model validation, then the handler. */
  async function call(operation: string, input: Record<string, unknown> = {}, region = REGION, accountId = ACCOUNT): Promise<Out> {
    world.tick();
    const op = model.operations[operation];
    if (op.input) validateStructure(model, op.input, input);
    return (await handlers[operation](input, ctx(operation, region, accountId))) as Out;
  }

  async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Out }> {
    const r = await handleControl(method, path, body, env);
    return { status: r.status, body: r.body as Out };
  }

  /** Like control, but fails the test on a non-200 answer. */
  async function ok(path: string, body: unknown): Promise<Out> {
    const r = await control('POST', path, body);
    if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async function createStage(name = 'stage', region = REGION): Promise<string> {
    return (await call('CreateStage', { name }, region)).stage.arn as string;
  }

  async function token(stageArn: string, extra: Record<string, unknown> = {}, region = REGION): Promise<{ participantId: string; token: string }> {
    return (await call('CreateParticipantToken', { stageArn, ...extra }, region)).participantToken;
  }

  /** A participant that joined (and, if asked, publishes) in the stage's live session. */
  async function participant(stageArn: string, opts: { publish?: boolean; userId?: string; attributes?: Record<string, string>; capabilities?: string[]; region?: string } = {}) {
    const t = await token(stageArn, { userId: opts.userId ?? 'user', attributes: opts.attributes, capabilities: opts.capabilities }, opts.region ?? REGION);
    const joined = (await ok('/participants/join', { token: t.token })) as { participantId: string; stageArn: string; sessionId: string };
    if (opts.publish) await ok('/participants/publish', { stageArn, participantId: joined.participantId });
    return { ...joined, token: t.token, ref: { stageArn, participantId: joined.participantId } };
  }

  async function events(stageArn: string, sessionId: string, participantId: string): Promise<Out[]> {
    return (await call('ListParticipantEvents', { stageArn, sessionId, participantId, maxResults: 100 })).events;
  }

  async function advance(ms: number): Promise<void> {
    await ok('/clock/advance', { ms });
  }

  return { clock, world, env, tokens, ctx, call, control, ok, createStage, token, participant, events, advance };
}

export type Harness = ReturnType<typeof harness>;

/** Expects the promise to fail with the modelled error `code`. */
export async function expectError(p: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(ServiceError);
  expect((e as ServiceError).code).toBe(code);
  if (message) expect((e as ServiceError).message).toMatch(message);
}

export const names = (events: Out[]): string[] => events.map((e) => e.name as string);
