// The emulator's HTTP server: one port serves IVS Real-Time (restJson1), Cognito Identity (awsJson1_1), CloudWatch
// (awsJson1_0 and awsQuery; cloudwatch/route.ts answers it whole), the user pool's sign-in and the control API under
// /_greenroom/ (locked to this run's key and the app's origins, control/guard.ts). Requests pass through AWS's steps
// in order: body size limit, request id, CORS preflight, route, SigV4, parse, validate against the model, run the
// operation, serialise.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import { EVENTS_HTTP_PATH, EventsApi } from './appsync/events-api.ts';
import { stageChannel } from './appsync/channels.ts';
import { CredentialStore } from './auth/credentials.ts';
import { eventBridgeEventFor } from './events/eventbridge.ts';
import { CognitoIdentityService, type IdentityPoolConfig } from './cognito/identity.ts';
import { handleCloudWatch, isCloudWatch } from './cloudwatch/route.ts';
import { handleCognitoIdentity } from './cognito/route.ts';
import { defaultRoleMapping } from './cognito/role-mapping.ts';
import { CONTROL_PREFIX } from './control/client.ts';
import { appOrigins, checkControlKey, checkOrigins, controlCorsHeaders, controlPreflight, guardControl, newControlKey } from './control/guard.ts';
import { handleControlRequest } from './control/routes.ts';
import { AccessPolicy } from './http/access.ts';
import { AccountStatus } from './http/account.ts';
import { BodyTooLarge, MAX_BODY_BYTES, readBody } from './http/body.ts';
import { answerClientError } from './http/client-error.ts';
import { errorSecurityHeaders, exposeOnlySent, outputSecurityHeaders } from './http/bound-headers.ts';
import { corsHeaders, preflightHeaders } from './http/cors.ts';
import { errorBody, ServiceError } from './errors.ts';
import { FaultInjector } from './http/faults.ts';
import { RequestLog } from './http/log.ts';
import { RateLimiter } from './http/quotas.ts';
import { handleIvs } from './http/ivs-pipeline.ts';
import { RolePolicies } from './iam/policy.ts';
import { Clock } from './state/clock.ts';
import { attachDataFile } from './state/data-file.ts';
import { World } from './state/world.ts';
import { defaultUserPoolConfig, type UserPoolConfig } from './userpool/config.ts';
import { UserPool } from './userpool/pool.ts';
import { handleUserPool } from './userpool/routes.ts';
import type { PoolGroup } from './userpool/groups.ts';
import { DEFAULT_USERS_FILE, loadUserFile, retargetGroups, type PoolUser } from './userpool/users.ts';

export type EmulatorOptions = {
  accountId?: string;
  regions?: string[];
  identityPools?: IdentityPoolConfig[];
  /** How long a stage must stay empty before its session ends (ms). */
  sessionIdleMs?: number;
  /** Most stages per account and region; unlimited when absent (see WorldOptions.stageQuota). */
  stageQuota?: number;
  credentialTtlMs?: number;
  dataFile?: string;
  /** Structured request log as JSON lines. */
  logStream?: Writable;
  /** Lets the default identity pools hand out unauthenticated identities (off, as production should be). */
  allowUnauthenticated?: boolean;
  /** The user pool's users; default: read from usersFile. */
  users?: PoolUser[];
  /** The user pool's groups (role ARN, precedence); default: read from usersFile. */
  groups?: PoolGroup[];
  /** Default emulator/users.json. */
  usersFile?: string;
  userPool?: UserPoolConfig;
  /** Folder of the role policy files; default the repository's iam/. */
  iamDir?: string;
  /** AWS's per-operation rate limits (ThrottlingException beyond them); default on. */
  quotas?: boolean;
  /** The control API's key; default a fresh random one (read it from Emulator.controlKey). */
  controlKey?: string;
  /** Browser origins that may call the control API; default the origins of the app client's callback URLs. */
  controlOrigins?: string[];
  /** Lets listen() bind to an address other than loopback. */
  allowRemote?: boolean;
  /** How often the Events API's WebSockets hear a ka (ms); AWS's is about a minute. */
  pushKeepAliveMs?: number;
};

export type Emulator = {
  server: Server;
  world: World;
  clock: Clock;
  faults: FaultInjector;
  access: AccessPolicy;
  account: AccountStatus;
  log: RequestLog;
  quotas: RateLimiter;
  credentials: CredentialStore;
  userPool: UserPool;
  policies: RolePolicies;
  /** The AppSync Events API (WebSocket on /event/realtime, HTTP publish on /event) that carries IVS's events. */
  push: EventsApi;
  accountId: string;
  regions: string[];
  /** The key every control route but /health requires (header x-greenroom-control-key). */
  controlKey: string;
  /** Browser origins allowed to call the control API. */
  controlOrigins: string[];
  /** Rejects a host that is not loopback unless the emulator was made with allowRemote. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Writes the data file now (no-op without one). */
  flush(): void;
};

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGIONS = ['us-east-1', 'us-west-2'];
/** One identity pool per region, each trusting the user pool and mapping its groups to the staff roles. */
export const defaultIdentityPools = (regions: string[], opts: { allowUnauthenticated?: boolean; accountId?: string } = {}): IdentityPoolConfig[] =>
  regions.map((region, i) => ({
    id: `${region}:00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    region,
    allowUnauthenticated: opts.allowUnauthenticated ?? false,
    roleMapping: defaultRoleMapping(),
  }));

/** Whether `host` names this machine's loopback interface only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const regions = options.regions ?? DEFAULT_REGIONS;
  const controlKey = options.controlKey ?? newControlKey();
  checkControlKey(controlKey);
  const clock = new Clock();
  const now = () => clock.now();
  const credentials = new CredentialStore({ accountId, now });
  // The user pool lives in the first region served, as the decision record's defaults assume.
  const file = options.users && options.groups ? undefined : loadUserFile(options.usersFile);
  // The shipped demo file names the default account in its role ARNs; another --account moves them along.
  const fileGroups = file && (options.usersFile ?? DEFAULT_USERS_FILE) === DEFAULT_USERS_FILE ? retargetGroups(file.groups, DEFAULT_ACCOUNT_ID, accountId) : file?.groups;
  const userPool = new UserPool({ config: options.userPool ?? defaultUserPoolConfig(regions[0]), users: options.users ?? file!.users, groups: options.groups ?? fileGroups, now });
  const controlOrigins = options.controlOrigins ?? appOrigins(userPool.config.clients.flatMap((c) => c.callbackUrls));
  checkOrigins(controlOrigins);
  const guard = { key: controlKey, origins: controlOrigins };
  const policies = RolePolicies.load(options.iamDir);
  const cognito = new CognitoIdentityService({
    accountId,
    pools: options.identityPools ?? defaultIdentityPools(regions, { allowUnauthenticated: options.allowUnauthenticated, accountId }),
    credentials,
    credentialTtlMs: options.credentialTtlMs,
    now,
    userPool,
  });
  const world = new World({ accountId, regions, clock, sessionIdleMs: options.sessionIdleMs, stageQuota: options.stageQuota });
  const faults = new FaultInjector();
  const access = new AccessPolicy();
  const account = new AccountStatus();
  const log = new RequestLog({ out: options.logStream });
  const quotas = new RateLimiter({ enabled: options.quotas ?? true });
  const push = new EventsApi({ accountId, regions, credentials, policies, keepAliveMs: options.pushKeepAliveMs });
  // Every change the emulator makes goes out as the EventBridge event IVS would send, to its stage's channel, as the
  // deployed rule and Lambda forward it.
  world.onEvent((change) => {
    // The events are a side channel, best-effort as on AWS: a failure to publish one never fails the change itself.
    try {
      const event = eventBridgeEventFor(change);
      if (event) push.publishEvent(event.region, stageChannel(event.resources[0]), JSON.stringify(event));
    } catch (e) {
      console.error('emulator: an IVS event could not be published:', e);
    }
  });

  const dataFile = attachDataFile(options.dataFile, { world, credentials, cognito, userPool });
  const { tokens, flush } = dataFile;
  let listenUrl = 'http://127.0.0.1:4599';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const rawQuery = q >= 0 ? rawUrl.slice(q + 1) : '';
    const entry = { requestId, method, path: rawPath, operation: 'unknown', service: 'none' as 'ivs' | 'cognito-identity' | 'cognito-idp' | 'control' | 'cloudwatch' | 'appsync' | 'none', region: undefined as string | undefined };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}, errorType?: string) => {
      // What this request changed is on disk before the answer leaves (an acknowledged change must survive a restart).
      dataFile.settle();
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, exposeOnlySent({
        'x-amzn-RequestId': requestId,
        Date: new Date().toUTCString(),
        ...(text ? { 'Content-Type': headers['Content-Type'] ?? 'application/json', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
        ...headers,
      }));
      res.end(text);
      log.add({ time: new Date().toISOString(), ...entry, status, errorType, latencyMs: Math.round((performance.now() - started) * 100) / 100 });
    };
    const sendError = (e: ServiceError, extra: Record<string, string> = {}) => {
      const json11 = e.style === 'json11';
      // A modelled IVS error binds the same seven headers as the replication outputs; they are exposed too.
      const bound = entry.service === 'ivs' && e.style === 'modelled' ? errorSecurityHeaders(e.code) : {};
      const cors = corsHeaders(entry.operation);
      const boundNames = Object.keys(bound).length > 0 ? ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', ...Object.keys(bound)] : [];
      send(e.status, errorBody(e), {
        ...cors,
        'Access-Control-Expose-Headers': [cors['Access-Control-Expose-Headers'], ...boundNames].join(', '),
        ...bound,
        'x-amzn-ErrorType': json11 ? `${e.code}:` : e.code,
        ...(json11 ? { 'x-amzn-ErrorMessage': e.message, 'Content-Type': 'application/x-amz-json-1.1' } : {}),
        ...e.headers,
        ...extra,
      }, e.code);
    };

    const isControl = rawPath === CONTROL_PREFIX || rawPath.startsWith(`${CONTROL_PREFIX}/`);
    try {
      if (method === 'OPTIONS' && isControl) {
        entry.service = 'control';
        entry.operation = 'preflight';
        const pre = controlPreflight(req.headers, guard);
        send(pre.status, undefined, pre.headers);
        return;
      }
      if (method === 'OPTIONS') {
        entry.operation = 'preflight';
        send(204, undefined, preflightHeaders(req.headers));
        return;
      }
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          sendError(new ServiceError('RequestEntityTooLargeException', 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`, 'gateway'), e.close ? { Connection: 'close' } : {});
          return;
        }
        // The client went away mid-body: no one is left to answer. We log it as 499 (nginx's "client closed
        // request") rather than as a failure of ours; nothing was parsed, so no state changed.
        res.destroy();
        log.add({ time: new Date().toISOString(), ...entry, status: 499, errorType: 'ClientClosedRequest', latencyMs: Math.round((performance.now() - started) * 100) / 100 });
        return;
      }
      world.tick();

      if (isControl) {
        entry.service = 'control';
        const sub = rawPath.slice(CONTROL_PREFIX.length) || '/';
        entry.operation = `control:${sub}`;
        const cors = controlCorsHeaders(typeof req.headers.origin === 'string' ? req.headers.origin : undefined, guard);
        const refusal = guardControl({ method, sub, headers: req.headers, hasBody: body.length > 0 }, guard);
        const out = refusal ?? (await handleControlRequest(method, sub, rawQuery, body, { world, clock, faults, access, account, log, userPool, quotas, push }));
        send(out.status, out.body, cors);
        return;
      }

      const pooled = await handleUserPool({ method, rawPath, rawQuery, headers: req.headers, body }, userPool, listenUrl);
      if (pooled) {
        entry.service = 'cognito-idp';
        entry.operation = pooled.operation;
        entry.region = userPool.config.region;
        // Not JSON-serialised like the AWS APIs: pages, redirects and OAuth bodies go out as they are. Tokens in
        // bodies and codes in Location headers are never logged (the log keeps only the path).
        dataFile.settle();
        res.writeHead(pooled.status, { 'x-amzn-RequestId': requestId, Date: new Date().toUTCString(), 'Content-Length': String(Buffer.byteLength(pooled.body)), ...pooled.headers });
        res.end(pooled.body);
        log.add({ time: new Date().toISOString(), ...entry, status: pooled.status, latencyMs: Math.round((performance.now() - started) * 100) / 100 });
        return;
      }

      if (isCloudWatch({ method, rawPath, rawQuery, headers: req.headers })) {
        entry.service = 'cloudwatch';
        const out = await handleCloudWatch({ method, rawPath, rawQuery, headers: req.headers, body }, { world, credentials, policies, regions, requestId }, (info) => Object.assign(entry, info));
        // XML or JSON as the protocol wants, so written as it is; the query-error header must be readable by a page.
        const cors = corsHeaders();
        dataFile.settle();
        res.writeHead(out.status, { 'x-amzn-RequestId': requestId, Date: new Date().toUTCString(), 'Content-Length': String(Buffer.byteLength(out.body)), ...cors, 'Access-Control-Expose-Headers': `${cors['Access-Control-Expose-Headers']}, x-amzn-query-error`, ...out.headers });
        res.end(out.body);
        log.add({ time: new Date().toISOString(), ...entry, status: out.status, errorType: out.headers['x-amzn-query-error']?.split(';')[0], latencyMs: Math.round((performance.now() - started) * 100) / 100 });
        return;
      }

      if (method === 'POST' && rawPath === EVENTS_HTTP_PATH) {
        entry.service = 'appsync';
        entry.operation = 'EventPublish';
        const out = await push.httpPublish({ method, rawPath, rawQuery, headers: req.headers, body });
        send(out.status, out.body, corsHeaders(), out.errorType);
        return;
      }

      const target = req.headers['x-amz-target'];
      if (method === 'POST' && rawPath === '/' && typeof target === 'string') {
        entry.service = 'cognito-identity';
        const out = await handleCognitoIdentity(target, body, { cognito, faults }, (info) => Object.assign(entry, info));
        send(200, out, { ...corsHeaders(), 'Content-Type': 'application/x-amz-json-1.1' });
        return;
      }

      entry.service = 'ivs';
      // Node keeps only the first of repeated Authorization headers. AWS is silent on repeats; we refuse them as a
      // malformed signature, because which credentials sign the request would be ambiguous.
      if ((req.headersDistinct.authorization?.length ?? 0) > 1) {
        throw new ServiceError('IncompleteSignatureException', 400, 'The request has more than one Authorization header.', 'gateway');
      }
      const out = await handleIvs(
        { method, rawPath, rawQuery, headers: req.headers, body },
        { world, credentials, faults, access, policies, account, tokens, clock, requestId, regions, quotas },
        (info) => Object.assign(entry, info),
      );
      send(200, out, { ...corsHeaders(entry.operation), ...outputSecurityHeaders(entry.operation) });
    } catch (e) {
      if (e instanceof ServiceError) {
        sendError(e);
      } else {
        // Never crash on a request: report it as the service would, and keep serving.
        if (!(e instanceof Error && /aborted|ECONNRESET/.test(e.message))) console.error(`emulator: request ${requestId} failed:`, e);
        if (!res.headersSent) sendError(new ServiceError('InternalServerException', 500, `Unexpected emulator error (request ${requestId}).`));
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.on('upgrade', (req, socket, head) => push.handleUpgrade(req, socket, head));
  server.on('clientError', (err: Error & { code?: string }, socket) => answerClientError(err, socket, log));
  server.keepAliveTimeout = 5_000;
  const ticker = setInterval(() => world.tick(), 1000);
  ticker.unref();

  return {
    server,
    world,
    clock,
    faults,
    access,
    account,
    log,
    quotas,
    credentials,
    userPool,
    policies,
    push,
    accountId,
    regions,
    controlKey,
    controlOrigins,
    flush,
    listen(port = 0, host = '127.0.0.1') {
      if (!isLoopbackHost(host) && !options.allowRemote) {
        // The control API hands out tokens for any demo user and the static key is published: on a network
        // address, anyone who can reach the port could use them.
        return Promise.reject(
          new Error(`refusing to listen on ${host}, which is not a loopback address: other machines could reach the emulator's published credentials and control API. Use 127.0.0.1, or pass --allow-remote (GREENROOM_EMULATOR_ALLOW_REMOTE=1) if you mean it.`),
        );
      }
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const a = server.address() as AddressInfo;
          listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${a.port}`;
          resolve(listenUrl);
        });
      });
    },
    close() {
      clearInterval(ticker);
      push.close();
      dataFile.cancel();
      flush();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
