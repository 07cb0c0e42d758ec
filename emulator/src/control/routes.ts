// The control API under the reserved /_greenroom prefix (no AWS operation uses it): participants that act like
// clients, the semantic clock, fault injection, access denial, the account's standing and the request log. JSON in
// and out; errors are {message}.
import type { EventsApi } from '../appsync/events-api.ts';
import type { AccessPolicy, AccessRule } from '../http/access.ts';
import type { AccountStatus } from '../http/account.ts';
import type { FaultInjector, FaultsConfig } from '../http/faults.ts';
import type { RequestLog } from '../http/log.ts';
import type { RateLimiter } from '../http/quotas.ts';
import type { Clock } from '../state/clock.ts';
import type { World } from '../state/world.ts';
import type { UserPool } from '../userpool/pool.ts';
import { asBody, type Body, ControlError } from './input.ts';
import { setNetwork } from './network.ts';
import { emitError, join, leave, setClientInfo, startPublishing, stopPublishing, subscribe } from './participants.ts';

export type ControlEnv = { world: World; clock: Clock; faults: FaultInjector; access: AccessPolicy; account: AccountStatus; log: RequestLog; userPool?: UserPool; quotas?: RateLimiter; push?: EventsApi };
export type ControlResult = { status: number; body: unknown };

type Route = (body: Body, env: ControlEnv, query: URLSearchParams) => unknown;

/** Applies a setting, turning the RangeError (or TypeError of a malformed rule) it throws into a 400 that names it. */
function settle(apply: () => void): void {
  try {
    apply();
  } catch (e) {
    throw new ControlError(400, (e as Error).message);
  }
}

function pushOf(env: ControlEnv): EventsApi {
  if (!env.push) throw new ControlError(404, 'This emulator runs without an Events API.');
  return env.push;
}

function poolOf(env: ControlEnv): UserPool {
  if (!env.userPool) throw new ControlError(404, 'This emulator runs without a user pool.');
  return env.userPool;
}

const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  '/health': {
    GET: (_b, env) => ({ ok: true, accountId: env.world.accountId, regions: env.world.regions, now: new Date(env.clock.now()).toISOString() }),
  },
  '/participants/join': { POST: (b, env) => join(env.world, b) },
  '/participants/publish': { POST: (b, env) => startPublishing(env.world, b) },
  '/participants/unpublish': { POST: (b, env) => stopPublishing(env.world, b) },
  '/participants/subscribe': { POST: (b, env) => subscribe(env.world, b, true) },
  '/participants/unsubscribe': { POST: (b, env) => subscribe(env.world, b, false) },
  '/participants/leave': { POST: (b, env) => leave(env.world, b) },
  '/participants/client-info': { POST: (b, env) => setClientInfo(env.world, b) },
  '/participants/error': { POST: (b, env) => emitError(env.world, b) },
  '/participants/network': { POST: (b, env) => setNetwork(env.world, b) },
  '/clock/advance': {
    POST: (b, env) => {
      const ms = b.ms;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new ControlError(400, 'ms must be a number of milliseconds, 0 or more.');
      env.clock.advance(ms);
      env.world.tick();
      return { now: new Date(env.clock.now()).toISOString(), offsetMs: env.clock.offset };
    },
  },
  '/faults': {
    GET: (_b, env) => ({ rules: env.faults.list() }),
    POST: (b, env) => {
      if (!Array.isArray(b.rules)) throw new ControlError(400, 'rules must be a list of fault rules.');
      if (b.seed !== undefined && typeof b.seed !== 'number') throw new ControlError(400, 'seed must be a number.');
      settle(() => env.faults.set(b as FaultsConfig));
      return { rules: env.faults.list() };
    },
    DELETE: (_b, env) => {
      env.faults.clear();
      return { rules: [] };
    },
  },
  '/access': {
    GET: (_b, env) => ({ rules: env.access.list() }),
    POST: (b, env) => {
      settle(() => env.access.set(b as AccessRule));
      return { rules: env.access.list() };
    },
    DELETE: (_b, env) => {
      env.access.clear();
      return { rules: [] };
    },
  },
  '/push': {
    // The Events API's counters: open connections, live subscriptions, events published, data messages delivered,
    // events dropped by the faults.
    GET: (_b, env) => pushOf(env).status(),
  },
  '/push/faults': {
    GET: (_b, env) => pushOf(env).faults.state(),
    PUT: (b, env) => {
      const push = pushOf(env);
      let state;
      settle(() => (state = push.faults.set(b)));
      return state;
    },
    DELETE: (_b, env) => pushOf(env).faults.clear(),
  },
  '/push/close-sockets': {
    POST: (b, env) => {
      const push = pushOf(env);
      if (b.code !== undefined && typeof b.code !== 'number') throw new ControlError(400, 'code must be a number (a WebSocket close code).');
      let closed = 0;
      settle(() => (closed = push.closeSockets(b.code as number | undefined)));
      return { closed };
    },
  },
  '/account': {
    GET: (_b, env) => env.account.get(),
    POST: (b, env) => {
      settle(() => env.account.set({ pendingVerification: b.pendingVerification as boolean }));
      return env.account.get();
    },
  },
  '/userpool/users': {
    // Demo users without their passwords (npm start prints those from the user file).
    GET: (_b, env) => ({ users: poolOf(env).listUsers().map(({ username, groups, enabled, sub, email }) => ({ username, groups, enabled, sub, email })) }),
  },
  '/userpool/tokens': {
    // Signs tokens for a user without the login page, for tests; overrides make deliberately bad ones.
    POST: async (b, env) => {
      if (typeof b.username !== 'string') throw new ControlError(400, 'username must be a string.');
      for (const k of ['clientId', 'issuer', 'nonce'] as const) {
        if (b[k] !== undefined && typeof b[k] !== 'string') throw new ControlError(400, `${k} must be a string.`);
      }
      if (b.groups !== undefined && !(Array.isArray(b.groups) && b.groups.every((g) => typeof g === 'string'))) throw new ControlError(400, 'groups must be a list of strings.');
      if (b.issuedAt !== undefined && (typeof b.issuedAt !== 'number' || !Number.isInteger(b.issuedAt))) throw new ControlError(400, 'issuedAt must be epoch seconds.');
      try {
        return await poolOf(env).mintForTest({
          username: b.username,
          clientId: b.clientId as string | undefined,
          issuer: b.issuer as string | undefined,
          groups: b.groups as string[] | undefined,
          issuedAt: b.issuedAt as number | undefined,
          nonce: b.nonce as string | undefined,
        });
      } catch (e) {
        if (e instanceof RangeError) throw new ControlError(404, e.message);
        throw e;
      }
    },
  },
  '/quotas': {
    // The rate-limit buckets as they stand now (tokens left, throttled count). DELETE fills them all, for a test that
    // must start from full buckets; there is deliberately no way to switch the limits off from here.
    GET: (_b, env) => ({ enabled: env.quotas?.enabled ?? false, throttled: env.quotas?.throttled ?? 0, buckets: env.quotas?.levels() ?? [] }),
    DELETE: (_b, env) => {
      env.quotas?.reset();
      return { enabled: env.quotas?.enabled ?? false, throttled: 0, buckets: [] };
    },
  },
  '/log': {
    GET: (_b, env, query) => {
      const raw = query.get('since') ?? '0';
      const since = Number(raw);
      if (!Number.isInteger(since) || since < 0) throw new ControlError(400, 'since must be a whole number, 0 or more.');
      return { entries: env.log.since(since), lastSeq: env.log.lastSeq };
    },
    DELETE: (_b, env) => {
      env.log.clear();
      return { lastSeq: env.log.lastSeq };
    },
  },
};

export async function handleControl(method: string, path: string, body: unknown, env: ControlEnv): Promise<ControlResult> {
  const url = new URL(path, 'http://control.invalid');
  const route = ROUTES[url.pathname];
  if (!route) return { status: 404, body: { message: `No control route ${url.pathname}. Routes: ${Object.keys(ROUTES).join(', ')}.` } };
  const handler = route[method.toUpperCase()];
  if (!handler) return { status: 405, body: { message: `${url.pathname} takes ${Object.keys(route).join(', ')}, not ${method}.` } };
  try {
    // Timers that fell due (session ends, reconnect windows) run before the step, as the server does for AWS calls.
    env.world.tick();
    return { status: 200, body: await handler(asBody(body), env, url.searchParams) };
  } catch (e) {
    if (e instanceof ControlError) return { status: e.status, body: { message: e.message } };
    return { status: 500, body: { message: `The control request failed: ${(e as Error).message}` } };
  }
}

/** The control API as the server meets it: a path below the prefix, its query and the raw body (JSON or empty). */
export async function handleControlRequest(method: string, sub: string, rawQuery: string, body: Buffer, env: ControlEnv): Promise<ControlResult> {
  let parsed: unknown = undefined;
  if (body.length) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return { status: 400, body: { message: 'The request body is not valid JSON.' } };
    }
  }
  return handleControl(method, sub + (rawQuery ? `?${rawQuery}` : ''), parsed, env);
}
