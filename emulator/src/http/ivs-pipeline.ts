// The IVS Real-Time request pipeline after CORS: route from the model, SigV4, faults, parse, the control API's extra
// denials, IAM's policy check, then (only for a caller IAM lets through) "not implemented", account standing,
// validate, run, and the faults injected after the run.
import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialStore } from '../auth/credentials.ts';
import { ivsRealtimeModel as model } from '../model/generated/ivs-realtime.ts';
import { validateStructure } from '../model/validate.ts';
import { handlers } from '../operations/index.ts';
import type { PageTokens } from '../state/page-tokens.ts';
import type { Clock } from '../state/clock.ts';
import type { RolePolicies } from '../iam/policy.ts';
import type { World } from '../state/world.ts';
import type { AccessPolicy } from './access.ts';
import type { AccountStatus } from './account.ts';
import { ServiceError } from '../errors.ts';
import type { FaultInjector } from './faults.ts';
import type { RateLimiter } from './quotas.ts';
import { buildInput, createRouter, parseQuery } from './router.ts';
import { verifySigV4 } from './sigv4.ts';

const route = createRouter(model);

export type IvsEnv = {
  world: World;
  credentials: CredentialStore;
  faults: FaultInjector;
  access: AccessPolicy;
  policies: RolePolicies;
  account: AccountStatus;
  tokens: PageTokens;
  clock: Clock;
  requestId: string;
  regions: string[];
  /** API rate limits; absent = none. */
  quotas?: RateLimiter;
};

export type IvsRequest = { method: string; rawPath: string; rawQuery: string; headers: IncomingHttpHeaders; body: Buffer };

export async function handleIvs(req: IvsRequest, env: IvsEnv, note: (info: { operation?: string; region?: string; rateLimited?: boolean }) => void): Promise<unknown> {
  const match = route(req.method, req.rawPath);
  if (!match) {
    // AWS is silent on IVS's answer to a path no operation is bound to; we answer 404 before looking at the
    // signature, since a front door routes a request before it authenticates it.
    throw new ServiceError('UnknownOperationException', 404, `No IVS Real-Time operation is bound to ${req.method} ${req.rawPath}.`, 'gateway');
  }
  const op = match.operation;
  note({ operation: op.name });

  const { caller, region } = await verifySigV4(
    { method: req.method, rawPath: req.rawPath, rawQuery: req.rawQuery, headers: req.headers, body: req.body },
    env.credentials,
    // A credential scope naming a region this emulator does not serve fails like a scope for the wrong endpoint.
    { service: 'ivs', regions: env.regions },
  );
  note({ region });
  // The limits are per account, so they apply once the signature names one. AWS is silent on whether a request
  // that IAM or validation would refuse still uses up a token; we count it, since the front door throttles before
  // the service reads the request.
  try {
    env.quotas?.take(op.name, caller.accountId, region);
  } catch (e) {
    note({ rateLimited: true });
    throw e;
  }
  await env.faults.apply(op.name, region, 'modelled');

  let body: Record<string, unknown> = {};
  if (req.body.length > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body.toString('utf8'));
    } catch {
      throw new ServiceError('SerializationException', 400, 'The request body is not valid JSON.', 'gateway');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ServiceError('SerializationException', 400, 'The request body must be a JSON object.', 'gateway');
    }
    body = parsed as Record<string, unknown>;
  }
  const input = buildInput(model, op, { body, labels: match.labels, query: parseQuery(req.rawQuery), headers: req.headers });
  // IAM decides before the service reads the request, but it needs the resource the input names.
  env.access.check(op.name, caller, region, input);
  // The role's policy file decides for credentials issued through the identity pool; the static key is the
  // account's admin and passes.
  env.policies.check(op.name, caller, region, input);
  // Only after IAM: a caller whose role may not run an operation learns nothing more (not even that the emulator
  // lacks it) than AWS would tell it.
  const handler = handlers[op.name];
  if (!handler) {
    throw new ServiceError('NotImplementedException', 501, `${op.name} is not supported by this emulator. Supported: ${Object.keys(handlers).sort().join(', ')}.`, 'gateway');
  }
  // AWS is silent on whether a pending account's request is validated first; we refuse it before validation,
  // because the account's standing does not depend on what the request says.
  env.account.check(op.name, caller.accountId);
  if (op.input) validateStructure(model, op.input, input);

  const backend = env.world.backend(caller.accountId, region);
  if (!backend) throw new ServiceError('InternalServerException', 500, `No state for region ${region}.`);
  const output = await handler(input, {
    backend,
    region,
    accountId: caller.accountId,
    caller,
    requestId: env.requestId,
    tokens: env.tokens,
    now: env.clock.now(),
    defaultPageSize: op.paginated?.defaultPageSize ?? 50,
  });
  // A fault marked `after`: the change above stands, the answer is a failure (an answer lost on the way back).
  env.faults.applyAfter(op.name, region, 'modelled');
  return output;
}
