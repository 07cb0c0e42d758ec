// Runtime configuration: read from /config.json before the app renders.
// Plain TypeScript with no dependencies, so every bad field can be named on screen.

export type Region = string;

export type RegionConfig = {
  id: Region;
  identityPoolId: string;
  /** Override for the IVS Real-Time endpoint (the local emulator); absent in production. */
  ivsEndpoint?: string;
  /** Override for the Cognito Identity endpoint; absent in production. */
  cognitoEndpoint?: string;
  /** Override for the CloudWatch (monitoring) endpoint, where the charts read metrics; absent in production. */
  cloudwatchEndpoint?: string;
  /**
   * The region's AppSync Events API that relays IVS stage events (both or neither): the HTTP origin the
   * WebSocket's SigV4 signatures name, and the real-time origin the socket opens. Absent: polling only.
   */
  eventsHttpEndpoint?: string;
  eventsRealtimeEndpoint?: string;
};

export type PollKind = 'stages' | 'stage' | 'participants' | 'participant';
export const POLL_KINDS: readonly PollKind[] = ['stages', 'stage', 'participants', 'participant'];

/** The Cognito user pool staff sign in with (docs/decisions/001-staff-sign-in.md). */
export type AuthConfig = {
  /** Region of the user pool; also the region of the `Logins` key. */
  region: Region;
  userPoolId: string;
  /** Public app client (code + PKCE, no secret). */
  clientId: string;
  /** OIDC authority given to oidc-client-ts; defaults to the AWS issuer of the pool. */
  authority: string;
  /** Managed-login domain (https://<prefix>.auth.<region>.amazoncognito.com); only needed for the CSP's connect-src. */
  loginDomain?: string;
};

export type AppConfig = {
  regions: RegionConfig[];
  pollIntervalsMs: Record<PollKind, number>;
  /**
   * While pushed events arrive, views poll only this often (or at their own interval, if that is longer) to
   * reconcile what events missed. Optional; 60 s by default.
   */
  pushReconcileMs?: number;
  auth: AuthConfig;
};

/** The key of the ID token in `fromCognitoIdentityPool`'s `logins` (and the ID token's `iss` without https://). */
export function loginsKey(auth: Pick<AuthConfig, 'region' | 'userPoolId'>): string {
  return `cognito-idp.${auth.region}.amazonaws.com/${auth.userPoolId}`;
}

export type ConfigIssue = { path: string; message: string };
export type ConfigResult = { ok: true; value: AppConfig } | { ok: false; issues: ConfigIssue[] };

const REGION_ID = /^[a-z]{2}(-[a-z]+)+-\d$/;
const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f-]{36}$/;
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const MIN_POLL_MS = 1000;
const MAX_POLL_MS = 10 * 60 * 1000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseEndpoint(v: unknown, path: string, issues: ConfigIssue[]): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    issues.push({ path, message: 'must be a URL string, or left out to use the AWS endpoint' });
    return undefined;
  }
  try {
    const url = new URL(v);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return v.replace(/\/+$/, '');
  } catch {
    issues.push({ path, message: `"${v}" is not an http(s) URL` });
    return undefined;
  }
}

/**
 * An events origin: the scheme family must match (http(s) for the signing host, ws(s) for the socket) and there is
 * no path, since the client appends `/event` and `/event/realtime` itself.
 */
function parseEventsOrigin(v: unknown, path: string, ws: boolean, issues: ConfigIssue[]): string | undefined {
  if (v === undefined) return undefined;
  const s = ws ? 'ws' : 'http';
  let url: URL | undefined;
  try {
    url = new URL(v as string);
  } catch {
    // reported below
  }
  if (typeof v !== 'string' || !url || !(url.protocol === `${s}:` || url.protocol === `${s}s:`) || url.pathname.length > 1 || url.search || url.hash) {
    issues.push({ path, message: `${JSON.stringify(v)} must be a ${s}s:// or ${s}:// origin without a path (the console adds ${ws ? '/event/realtime' : '/event'})` });
    return undefined;
  }
  return url.origin;
}

function parseRegion(v: unknown, i: number, issues: ConfigIssue[]): RegionConfig | undefined {
  const at = `regions[${i}]`;
  if (!isRecord(v)) {
    issues.push({ path: at, message: 'must be an object with id and identityPoolId' });
    return undefined;
  }
  const before = issues.length;
  const id = v.id;
  if (typeof id !== 'string' || !REGION_ID.test(id)) {
    issues.push({ path: `${at}.id`, message: 'must be an AWS region code such as "us-east-1"' });
  }
  const pool = v.identityPoolId;
  const poolMatch = typeof pool === 'string' ? POOL_ID.exec(pool) : null;
  if (!poolMatch) {
    issues.push({
      path: `${at}.identityPoolId`,
      message: 'must be a Cognito identity pool id such as "us-east-1:00000000-0000-4000-8000-000000000001"',
    });
  }
  // One identity pool may serve several IVS regions (the deployed stack has a single pool in its own region):
  // the pool's region is the prefix of its id, and the credential provider talks to Cognito there.
  const ivsEndpoint = parseEndpoint(v.ivsEndpoint, `${at}.ivsEndpoint`, issues);
  const cognitoEndpoint = parseEndpoint(v.cognitoEndpoint, `${at}.cognitoEndpoint`, issues);
  const cloudwatchEndpoint = parseEndpoint(v.cloudwatchEndpoint, `${at}.cloudwatchEndpoint`, issues);
  const eventsHttpEndpoint = parseEventsOrigin(v.eventsHttpEndpoint, `${at}.eventsHttpEndpoint`, false, issues);
  const eventsRealtimeEndpoint = parseEventsOrigin(v.eventsRealtimeEndpoint, `${at}.eventsRealtimeEndpoint`, true, issues);
  if ((v.eventsHttpEndpoint === undefined) !== (v.eventsRealtimeEndpoint === undefined)) {
    const missing = v.eventsHttpEndpoint === undefined ? 'eventsHttpEndpoint' : 'eventsRealtimeEndpoint';
    issues.push({ path: `${at}.${missing}`, message: 'is needed too: give both events endpoints, or neither to poll only' });
  }
  if (issues.length > before) return undefined;
  return {
    id: id as string,
    identityPoolId: pool as string,
    ...(ivsEndpoint ? { ivsEndpoint } : {}),
    ...(cognitoEndpoint ? { cognitoEndpoint } : {}),
    ...(cloudwatchEndpoint ? { cloudwatchEndpoint } : {}),
    ...(eventsHttpEndpoint && eventsRealtimeEndpoint ? { eventsHttpEndpoint, eventsRealtimeEndpoint } : {}),
  };
}

/** True when at least one region names its events endpoints: the console then takes pushed stage events. */
export function pushConfigured(config: Pick<AppConfig, 'regions'>): boolean {
  return config.regions.some((r) => r.eventsRealtimeEndpoint !== undefined);
}

function parseAuth(v: unknown, issues: ConfigIssue[]): AuthConfig | undefined {
  if (!isRecord(v)) {
    issues.push({ path: 'auth', message: 'must be an object with region, userPoolId and clientId (the Cognito user pool staff sign in with)' });
    return undefined;
  }
  const before = issues.length;
  const region = v.region;
  if (typeof region !== 'string' || !REGION_ID.test(region)) {
    issues.push({ path: 'auth.region', message: 'must be an AWS region code such as "us-east-1"' });
  }
  const pool = v.userPoolId;
  const poolMatch = typeof pool === 'string' ? USER_POOL_ID.exec(pool) : null;
  if (!poolMatch) {
    issues.push({ path: 'auth.userPoolId', message: 'must be a Cognito user pool id such as "us-east-1_Greenroom1"' });
  } else if (typeof region === 'string' && poolMatch[1] !== region) {
    issues.push({ path: 'auth.userPoolId', message: `belongs to ${poolMatch[1]}, not to region ${region}` });
  }
  if (typeof v.clientId !== 'string' || !CLIENT_ID.test(v.clientId)) {
    issues.push({ path: 'auth.clientId', message: 'must be the app client id of a public client (letters and digits, no secret)' });
  }
  if ('clientSecret' in v) {
    issues.push({ path: 'auth.clientSecret', message: 'must not be set: a browser app uses a public client, and anything here is readable by everyone' });
  }
  const authority = parseEndpoint(v.authority, 'auth.authority', issues);
  const loginDomain = parseEndpoint(v.loginDomain, 'auth.loginDomain', issues);
  if (issues.length > before) return undefined;
  return {
    region: region as string,
    userPoolId: pool as string,
    clientId: v.clientId as string,
    authority: authority ?? `https://${loginsKey({ region: region as string, userPoolId: pool as string })}`,
    ...(loginDomain ? { loginDomain } : {}),
  };
}

/** Validates untrusted JSON into an AppConfig, collecting every problem rather than stopping at the first. */
export function parseConfig(raw: unknown): ConfigResult {
  const issues: ConfigIssue[] = [];
  if (!isRecord(raw)) return { ok: false, issues: [{ path: '(file)', message: 'must be a JSON object' }] };

  const regions: RegionConfig[] = [];
  if (!Array.isArray(raw.regions) || raw.regions.length === 0) {
    issues.push({ path: 'regions', message: 'must list at least one region' });
  } else {
    raw.regions.forEach((r, i) => {
      const region = parseRegion(r, i, issues);
      if (!region) return;
      if (regions.some((x) => x.id === region.id)) {
        issues.push({ path: `regions[${i}].id`, message: `region ${region.id} is listed twice` });
      } else regions.push(region);
    });
  }

  const pollIntervalsMs = {} as Record<PollKind, number>;
  const polls = raw.pollIntervalsMs;
  if (!isRecord(polls)) {
    issues.push({ path: 'pollIntervalsMs', message: `must be an object with ${POLL_KINDS.join(', ')}` });
  } else {
    for (const kind of POLL_KINDS) {
      const ms = polls[kind];
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < MIN_POLL_MS || ms > MAX_POLL_MS) {
        issues.push({
          path: `pollIntervalsMs.${kind}`,
          message: `must be a whole number of milliseconds from ${MIN_POLL_MS} to ${MAX_POLL_MS}`,
        });
      } else pollIntervalsMs[kind] = ms;
    }
  }

  let pushReconcileMs: number | undefined;
  if (raw.pushReconcileMs !== undefined) {
    const ms = raw.pushReconcileMs;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < MIN_POLL_MS || ms > MAX_POLL_MS) {
      issues.push({ path: 'pushReconcileMs', message: `must be a whole number of milliseconds from ${MIN_POLL_MS} to ${MAX_POLL_MS}` });
    } else pushReconcileMs = ms;
  }

  const auth = parseAuth(raw.auth, issues);

  return issues.length || !auth
    ? { ok: false, issues }
    : { ok: true, value: { regions, pollIntervalsMs, auth, ...(pushReconcileMs !== undefined ? { pushReconcileMs } : {}) } };
}
