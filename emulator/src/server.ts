// The emulator's HTTP server: one port serves IVS Real-Time (restJson1), Cognito Identity (awsJson1_1), CloudWatch
// (awsJson1_0 and awsQuery; cloudwatch/route.ts answers it whole) and the control API under /_greenroom/.
// Requests pass through AWS's steps in order: body size limit, request id, CORS preflight, route, SigV4, parse,
// validate against the model, run the operation, serialise.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import { CredentialStore } from './auth/credentials.ts';
import { CognitoIdentityService, type IdentityPoolConfig } from './cognito/identity.ts';
import { handleCloudWatch, isCloudWatch } from './cloudwatch/route.ts';
import { handleCognitoIdentity } from './cognito/route.ts';
import { defaultRoleMapping } from './cognito/role-mapping.ts';
import { handleControlRequest } from './control/routes.ts';
import { AccessPolicy } from './http/access.ts';
import { AccountStatus } from './http/account.ts';
import { BodyTooLarge, MAX_BODY_BYTES, readBody } from './http/body.ts';
import { answerClientError } from './http/client-error.ts';
import { corsHeaders, preflightHeaders } from './http/cors.ts';
import { errorBody, ServiceError } from './http/errors.ts';
import { FaultInjector } from './http/faults.ts';
import { RequestLog } from './http/log.ts';
import { handleIvs } from './http/ivs-pipeline.ts';
import { RolePolicies } from './iam/policy.ts';
import { Clock } from './state/clock.ts';
import { attachDataFile } from './state/data-file.ts';
import { World } from './state/world.ts';
import { defaultUserPoolConfig, type UserPoolConfig } from './userpool/config.ts';
import { UserPool } from './userpool/pool.ts';
import { handleUserPool } from './userpool/routes.ts';
import { loadUsers, type PoolUser } from './userpool/users.ts';

export const CONTROL_PREFIX = '/_greenroom';

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
  /** Default emulator/users.json. */
  usersFile?: string;
  userPool?: UserPoolConfig;
  /** Folder of the role policy files; default the repository's iam/. */
  iamDir?: string;
};

export type Emulator = {
  server: Server;
  world: World;
  clock: Clock;
  faults: FaultInjector;
  access: AccessPolicy;
  account: AccountStatus;
  log: RequestLog;
  credentials: CredentialStore;
  userPool: UserPool;
  policies: RolePolicies;
  accountId: string;
  regions: string[];
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
    roleMapping: defaultRoleMapping(opts.accountId ?? DEFAULT_ACCOUNT_ID),
  }));

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const regions = options.regions ?? DEFAULT_REGIONS;
  const clock = new Clock();
  const now = () => clock.now();
  const credentials = new CredentialStore({ accountId, now });
  // The user pool lives in the first region served, as the decision record's defaults assume.
  const userPool = new UserPool({ config: options.userPool ?? defaultUserPoolConfig(regions[0]), users: options.users ?? loadUsers(options.usersFile), now });
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
    const entry = { requestId, method, path: rawPath, operation: 'unknown', service: 'none' as 'ivs' | 'cognito-identity' | 'cognito-idp' | 'control' | 'cloudwatch' | 'none', region: undefined as string | undefined };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}, errorType?: string) => {
      // What this request changed is on disk before the answer leaves (AWS never loses an acknowledged change).
      dataFile.settle();
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        'x-amzn-RequestId': requestId,
        Date: new Date().toUTCString(),
        ...(text ? { 'Content-Type': headers['Content-Type'] ?? 'application/json', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
        ...headers,
      });
      res.end(text);
      log.add({ time: new Date().toISOString(), ...entry, status, errorType, latencyMs: Math.round((performance.now() - started) * 100) / 100 });
    };
    const sendError = (e: ServiceError, extra: Record<string, string> = {}) => {
      const json11 = e.style === 'json11';
      send(e.status, errorBody(e), {
        ...corsHeaders(entry.operation),
        'x-amzn-ErrorType': json11 ? `${e.code}:` : e.code,
        ...(json11 ? { 'x-amzn-ErrorMessage': e.message, 'Content-Type': 'application/x-amz-json-1.1' } : {}),
        ...e.headers,
        ...extra,
      }, e.code);
    };

    try {
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

      if (rawPath === CONTROL_PREFIX || rawPath.startsWith(`${CONTROL_PREFIX}/`)) {
        entry.service = 'control';
        const sub = rawPath.slice(CONTROL_PREFIX.length) || '/';
        entry.operation = `control:${sub}`;
        const out = await handleControlRequest(method, sub, rawQuery, body, { world, clock, faults, access, account, log, userPool });
        send(out.status, out.body, corsHeaders());
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
        { world, credentials, faults, access, policies, account, tokens, clock, requestId, regions },
        (info) => Object.assign(entry, info),
      );
      send(200, out, corsHeaders(entry.operation));
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
    credentials,
    userPool,
    policies,
    accountId,
    regions,
    flush,
    listen(port = 0, host = '127.0.0.1') {
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
      dataFile.cancel();
      flush();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
