// A typed client for the control API, for tests, e2e fixtures, benches and scenarios. Pass the emulator's base URL
// (with or without the /_greenroom prefix) and the run's control key, which it sends in the x-greenroom-control-key
// header. Every method throws an Error with the server's message on non-2xx.
import type { PushStatus } from '../appsync/events-api.ts';
import type { PushFaultsConfig, PushFaultsState } from '../appsync/faults.ts';
import type { AccessRule } from '../http/access.ts';
import type { AccountState } from '../http/account.ts';
import type { FaultRule, FaultsConfig } from '../http/faults.ts';
import type { RequestLogEntry } from '../http/log.ts';
import type { BucketLevel } from '../http/quotas.ts';
import type { ClientInfo } from '../state/records.ts';

export const CONTROL_PREFIX = '/_greenroom';
/** The header that carries the control key. */
export const CONTROL_KEY_HEADER = 'x-greenroom-control-key';
/** The environment variable through which `npm start`, Playwright and the benches hand the key to the emulator and its clients. */
export const CONTROL_KEY_ENV = 'GREENROOM_EMULATOR_CONTROL_KEY';

export type ParticipantRef = { stageArn: string; participantId: string };
export type JoinRequest = { token: string; clientInfo?: ClientInfo; stageArn?: string };
export type Joined = { participantId: string; stageArn: string; sessionId: string };
export type ParticipantStatus = Joined & { state: 'CONNECTED' | 'DISCONNECTED'; publishing: boolean };
export type ErrorEventName = 'JOIN_ERROR' | 'PUBLISH_ERROR' | 'SUBSCRIBE_ERROR';

export type MintTokensRequest = { username: string; clientId?: string; issuer?: string; groups?: string[]; issuedAt?: number; nonce?: string };
export type DemoUser = { username: string; groups: string[]; enabled: boolean; sub: string; email?: string };

export type QuotaLevels = { enabled: boolean; throttled: number; buckets: BucketLevel[] };

export type ControlClient = ReturnType<typeof createControlClient>;

export function createControlClient(baseUrl: string, key?: string) {
  const root = baseUrl.replace(/\/+$/, '');
  const base = root.endsWith(CONTROL_PREFIX) ? root : root + CONTROL_PREFIX;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(base + path, {
      method,
      headers: { ...(key === undefined ? {} : { [CONTROL_KEY_HEADER]: key }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (e.g. a proxy's error page): report the status instead.
    }
    if (!res.ok) {
      const message = (parsed as { message?: unknown } | undefined)?.message;
      throw new Error(typeof message === 'string' ? message : `Control request ${method} ${path} failed with HTTP ${res.status}.`);
    }
    return parsed as T;
  }

  return {
    /** The details need the key; without it (or with a wrong one) the server answers only `{ ok: true }`. */
    health: () => call<{ ok: true; accountId: string; regions: string[]; now: string }>('GET', '/health'),
    join: (req: JoinRequest) => call<Joined>('POST', '/participants/join', req),
    publish: (ref: ParticipantRef) => call<ParticipantStatus>('POST', '/participants/publish', ref),
    unpublish: (ref: ParticipantRef) => call<ParticipantStatus>('POST', '/participants/unpublish', ref),
    subscribe: (ref: ParticipantRef & { remoteParticipantId: string }) => call<ParticipantStatus>('POST', '/participants/subscribe', ref),
    unsubscribe: (ref: ParticipantRef & { remoteParticipantId: string }) => call<ParticipantStatus>('POST', '/participants/unsubscribe', ref),
    leave: (ref: ParticipantRef) => call<ParticipantStatus>('POST', '/participants/leave', ref),
    setClientInfo: (ref: ParticipantRef & ClientInfo) => call<ParticipantStatus>('POST', '/participants/client-info', ref),
    emitError: (ref: ParticipantRef & { name: ErrorEventName | string; errorCode: string; remoteParticipantId?: string }) =>
      call<ParticipantStatus>('POST', '/participants/error', ref),
    /** Starts a spell of poor network (severity 0–1, for durationMs or until severity 0); the metrics follow it. */
    setNetwork: (ref: ParticipantRef & { severity: number; durationMs?: number }) =>
      call<{ participantId: string; stageArn: string; network: { from: number; to?: number; severity: number }[] }>('POST', '/participants/network', ref),
    advanceClock: (ms: number) => call<{ now: string; offsetMs: number }>('POST', '/clock/advance', { ms }),
    getFaults: () => call<{ rules: FaultRule[] }>('GET', '/faults'),
    setFaults: (config: FaultsConfig) => call<{ rules: FaultRule[] }>('POST', '/faults', config),
    clearFaults: () => call<{ rules: FaultRule[] }>('DELETE', '/faults'),
    getAccess: () => call<{ rules: AccessRule[] }>('GET', '/access'),
    /** Denies `ivs:` actions to every caller, or to one access key; replaces the earlier denial for that scope. */
    denyAccess: (rule: AccessRule) => call<{ rules: AccessRule[] }>('POST', '/access', rule),
    clearAccess: () => call<{ rules: AccessRule[] }>('DELETE', '/access'),
    getAccount: () => call<AccountState>('GET', '/account'),
    setAccount: (state: AccountState) => call<AccountState>('POST', '/account', state),
    requestLog: (since = 0) => call<{ entries: RequestLogEntry[]; lastSeq: number }>('GET', `/log?since=${since}`),
    /** Signs an ID and access token for a user directly (no login page); overrides make deliberately bad tokens. */
    mintTokens: (req: MintTokensRequest) => call<{ idToken: string; accessToken: string }>('POST', '/userpool/tokens', req),
    users: () => call<{ users: DemoUser[] }>('GET', '/userpool/users'),
    /** The rate-limit buckets now: tokens left and requests throttled, per operation, account and region. */
    quotas: () => call<QuotaLevels>('GET', '/quotas'),
    /** Fills every rate-limit bucket and zeroes the throttle counts. */
    refillQuotas: () => call<QuotaLevels>('DELETE', '/quotas'),
    clearLog: () => call<{ lastSeq: number }>('DELETE', '/log'),
    /** Replaces the faults on the Events API's delivery (absent members are off); answers the faults now in force. */
    setPushFaults: (faults: PushFaultsConfig) => call<PushFaultsState>('PUT', '/push/faults', faults),
    clearPushFaults: () => call<PushFaultsState>('DELETE', '/push/faults'),
    /** Closes every Events WebSocket: with `code`, or without one as a dropped network would. */
    closePushSockets: (code?: number) => call<{ closed: number }>('POST', '/push/close-sockets', code === undefined ? {} : { code }),
    /** Connections, subscriptions and events published, delivered and dropped. */
    pushStatus: () => call<PushStatus>('GET', '/push'),
  };
}
