import {
  IVSRealTimeClient,
  type IVSRealTimeClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-ivs-realtime';
import type { AwsCredentialIdentityProvider, Command, MetadataBearer, MiddlewareStack } from '@smithy/types';
import type { AppConfig, Region, RegionConfig } from '../config/schema';
import type { CloudWatchPort } from './cloudwatch/client';
import type { EventsHub } from './events/hub';
// Static on purpose: the SDK already brings the signing code into the first load, and the events chunk (loaded only
// with events endpoints) takes the signer from here rather than sharing those modules through extra chunks.
import { signEventsRequest } from './events/signer';
import { AppError, toAppError } from './errors';
import { meterRequests } from './requestMeter';

export type IvsCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = Command<
  ServiceInputTypes,
  I,
  ServiceOutputTypes,
  O,
  IVSRealTimeClientResolvedConfig
>;

export type AwsLayer = {
  readonly regions: readonly Region[];
  /** Sends one IVS Real-Time command; every failure comes back as an AppError. */
  send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    region: Region,
    command: IvsCommand<I, O>,
    signal?: AbortSignal,
    options?: SendOptions,
  ): Promise<Omit<O, '$metadata'>>;
  /**
   * Runs CloudWatch calls (the metric charts) with the same credentials and session handling as IVS. The CloudWatch
   * client is its own chunk, fetched on the first call. Every failure comes back as an AppError.
   */
  metrics?<T>(region: Region, run: (cloudwatch: CloudWatchPort) => Promise<T>): Promise<T>;
  /** Drops every client, its credentials and the cached identity ids; later sends fail. Used at sign-out. */
  dispose(): void;
  /** The region's IVS endpoint override from config.json (the emulator), or undefined for AWS's own (CLI commands name it). */
  endpointOf?(region: Region): string | undefined;
  /**
   * The stage-events hub (one socket per region with events endpoints), built on the first call; undefined when no
   * region has them. The client and its signer are their own chunk, fetched only then.
   */
  events?(): Promise<EventsHub> | undefined;
};

export type SendOptions = {
  /**
   * For a write that makes something new each time it runs (CreateStage): the SDK must not send it again after a
   * 5xx or a lost answer, since the first request may have been carried out and a second would make a duplicate. Only
   * a throttled request (which IVS refused before doing anything) is sent again. The caller says what may have
   * happened and how its Retry stays safe.
   */
  once?: boolean;
};

/** How the layer asks the signed-in session for help when AWS refuses the credentials. */
export type SessionHooks = {
  /** Renews the ID token (refresh-token grant); true when a fresh one is in place. */
  renew(): Promise<boolean>;
  /** Called when renewal cannot fix it: the session is over and the user must sign in again. */
  expired(): void;
};

// Retry has one owner: the SDK retries throttling, 5xx and network failures up to
// SDK_MAX_ATTEMPTS in total, in 'standard' mode (exponential backoff with full jitter, a longer base delay for
// throttling, and a retry-token bucket per client that stops retrying when most calls fail); react-query adds at
// most one more round for queries and none for mutations (query/queryClient.ts).
// SDK maxAttempts 3 × 2 = at most 6 requests; change both together. The one exception is a refused credential
// (ExpiredToken and the like, below): that request is replayed once with fresh credentials, which the service
// never executed the first time.
// 'adaptive' would add client-side rate limiting, but per client and per tab; it cannot see the account-wide
// budget and makes waits hard to explain, so polling slows down instead (query/polling.ts).
export const SDK_MAX_ATTEMPTS = 3;
export const SDK_RETRY_MODE = 'standard';

/**
 * Refusals that a fresh ID token and new credentials can cure: expired or unknown session credentials from IVS,
 * and Cognito Identity refusing the login (token expired or revoked). AccessDenied is a policy answer, not one of them.
 */
const SESSION_CODES: ReadonlySet<string> = new Set(['ExpiredTokenException', 'UnrecognizedClientException', 'NotAuthorizedException']);

/** Names the failing operation on the error ("StartParticipantReplication"), read from the SDK's own context. */
function tagOperation(c: { middlewareStack: MiddlewareStack<object, MetadataBearer> }): void {
  c.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        if (typeof e === 'object' && e !== null && typeof context.commandName === 'string') {
          Object.assign(e, { $greenroomOperation: context.commandName.replace(/Command$/, '') });
        }
        throw e;
      }
    },
    { step: 'initialize', name: 'greenroomOperationName' },
  );
}

function operationOf(e: unknown): string | undefined {
  const op = typeof e === 'object' && e !== null ? (e as { $greenroomOperation?: unknown }).$greenroomOperation : undefined;
  return typeof op === 'string' ? op : undefined;
}

function toLayerError(e: unknown): AppError {
  const err = toAppError(e);
  const operation = operationOf(e);
  return operation && !err.detail.operation ? new AppError(err.kind, err.message, { ...err.detail, operation }) : err;
}

export function createAwsLayer(
  config: Pick<AppConfig, 'regions'>,
  credentialsFor: (region: RegionConfig) => AwsCredentialIdentityProvider,
  session?: SessionHooks,
): AwsLayer {
  const clients = new Map<Region, IVSRealTimeClient>();
  const onceClients = new Map<Region, IVSRealTimeClient>();
  const metricClients = new Map<Region, Promise<CloudWatchPort>>();
  // One credential provider per region, shared by its IVS and CloudWatch clients (one Cognito exchange, not two).
  const providers = new Map<Region, AwsCredentialIdentityProvider>();
  const byId = new Map(config.regions.map((r) => [r.id, r]));
  let disposed = false;
  let hub: Promise<EventsHub> | undefined;
  const eventRegions = config.regions.flatMap((r) =>
    r.eventsHttpEndpoint && r.eventsRealtimeEndpoint ? [{ id: r.id, httpEndpoint: r.eventsHttpEndpoint, realtimeEndpoint: r.eventsRealtimeEndpoint }] : [],
  );

  function regionConfig(region: Region): RegionConfig {
    if (disposed) throw new AppError('auth-expired', 'You are signed out.', { retryable: false });
    const rc = byId.get(region);
    if (!rc) throw new AppError('validation', `Region ${region} is not configured in config.json.`, { retryable: false });
    return rc;
  }

  function credentials(rc: RegionConfig): AwsCredentialIdentityProvider {
    let p = providers.get(rc.id);
    if (!p) providers.set(rc.id, (p = credentialsFor(rc)));
    return p;
  }

  function client(region: Region, once = false): IVSRealTimeClient {
    const rc = regionConfig(region);
    const pool = once ? onceClients : clients;
    const existing = pool.get(region);
    if (existing) return existing;
    const created = new IVSRealTimeClient({
      region: rc.id,
      credentials: credentials(rc),
      maxAttempts: once ? 1 : SDK_MAX_ATTEMPTS,
      retryMode: SDK_RETRY_MODE,
      ...(rc.ivsEndpoint ? { endpoint: rc.ivsEndpoint } : {}),
    });
    tagOperation(created);
    meterRequests(created, rc.id);
    pool.set(region, created);
    return created;
  }

  /** A write sent once: again only after a throttle (IVS did nothing), with the SDK's kind of jittered backoff. */
  async function sendOnceWith<O>(c: IVSRealTimeClient, command: IvsCommand<ServiceInputTypes, ServiceOutputTypes>, signal?: AbortSignal): Promise<O> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await sendWith<O>(c, command, signal);
      } catch (e) {
        if ((e as { name?: string }).name !== 'ThrottlingException' || attempt >= SDK_MAX_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 500 * 2 ** attempt));
      }
    }
  }

  /**
   * Drops the region's clients and credentials so the next call builds new ones (the SDK's memo would serve dead
   * ones). `stale` is the client the failed call used: when another call has already replaced it, nothing is dropped.
   */
  function reset(region: Region, stale: IVSRealTimeClient | Promise<CloudWatchPort>): void {
    if (clients.get(region) !== stale && onceClients.get(region) !== stale && metricClients.get(region) !== stale) return;
    clients.get(region)?.destroy();
    clients.delete(region);
    onceClients.get(region)?.destroy();
    onceClients.delete(region);
    metricClients.get(region)?.then((c) => c.destroy(), () => undefined);
    metricClients.delete(region);
    providers.delete(region);
  }

  function metricsClient(region: Region): Promise<CloudWatchPort> {
    const rc = regionConfig(region);
    let cw = metricClients.get(region);
    if (!cw) {
      cw = import('./cloudwatch/client').then(({ createCloudWatch }) =>
        createCloudWatch(rc, credentials(rc), { maxAttempts: SDK_MAX_ATTEMPTS, retryMode: SDK_RETRY_MODE, instrument: tagOperation }),
      );
      metricClients.set(region, cw);
      // A failed chunk load (network) must not stick: the next call tries again.
      cw.catch(() => metricClients.get(region) === cw && metricClients.delete(region));
    }
    return cw;
  }

  /** Expired or refused credentials: renew the ID token once, rebuild the client, retry once. */
  async function withSession<T, C extends IVSRealTimeClient | Promise<CloudWatchPort>>(region: Region, pick: () => C, attempt: (c: C) => Promise<T>): Promise<T> {
    const c = pick();
    try {
      return await attempt(c);
    } catch (e) {
      const err = toLayerError(e);
      if (!session || disposed || !SESSION_CODES.has(err.detail.code ?? '')) throw err;
      reset(region, c);
      if (!(await session.renew())) {
        session.expired();
        throw err;
      }
      try {
        return await attempt(pick());
      } catch (e2) {
        const again = toLayerError(e2);
        if (SESSION_CODES.has(again.detail.code ?? '')) session.expired();
        throw again;
      }
    }
  }

  async function sendWith<O>(c: IVSRealTimeClient, command: IvsCommand<ServiceInputTypes, ServiceOutputTypes>, signal?: AbortSignal): Promise<O> {
    const { $metadata: _m, ...out } = await c.send(command, { abortSignal: signal });
    return out as O;
  }

  return {
    regions: config.regions.map((r) => r.id),
    send(region, command, signal, options) {
      if (options?.once) return withSession(region, () => client(region, true), (c) => sendOnceWith(c, command as never, signal));
      return withSession(region, () => client(region), (c) => sendWith(c, command as never, signal));
    },
    endpointOf: (region) => byId.get(region)?.ivsEndpoint,
    events() {
      if (!eventRegions.length || disposed) return undefined;
      if (!hub) {
        hub = import('./events/hub').then(({ createEventsHub }) => createEventsHub(eventRegions, (id) => credentials(regionConfig(id)), signEventsRequest));
        const h = hub;
        // A failed chunk load (network) must not stick: the next call tries again.
        h.catch(() => hub === h && (hub = undefined));
      }
      return hub;
    },
    metrics(region, run) {
      return withSession(region, () => metricsClient(region), async (c) => run(await c));
    },
    dispose() {
      disposed = true;
      hub?.then((h) => h.stop(), () => undefined);
      hub = undefined;
      for (const c of [...clients.values(), ...onceClients.values()]) c.destroy();
      clients.clear();
      onceClients.clear();
      for (const c of metricClients.values()) c.then((x) => x.destroy(), () => undefined);
      metricClients.clear();
      providers.clear();
    },
  };
}
