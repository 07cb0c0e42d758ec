// One region's AppSync Events socket: connect (SigV4 in the subprotocol), connection_ack, a keep-alive watchdog,
// subscribe/unsubscribe per channel (each signed on its own), and reconnect with jittered exponential backoff and
// fresh credentials after any close. Events are hints: the caller dedupes and reconciles them.
import type { AwsCredentialIdentity } from '@smithy/types';
import {
  asIvsEvent,
  connectSubprotocols,
  eventsOfData,
  parseServerMessage,
  subscriptionId,
  type IvsEvent,
  type ProtocolError,
} from './protocol';
import type { signEventsRequest } from './signer';

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** Closed; the next attempt starts at `at` (epoch ms). */
  | { kind: 'retrying'; at: number; why: string }
  /** The service said no (connection or a subscription); the next attempt, if any, starts at `at`. */
  | { kind: 'refused'; why: string; at?: number }
  | { kind: 'stopped' };

export type ConnectionCounts = {
  connects: number;
  closes: number;
  received: number;
  malformed: number;
  subscribeErrors: number;
  lastEventAt?: number;
};

type SocketLike = {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
};
export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

export type ConnectionOptions = {
  region: string;
  /** ws(s) origin; the socket opens `<origin>/event/realtime`. */
  realtimeEndpoint: string;
  /** http(s) origin whose host the signatures name. */
  httpEndpoint: string;
  /** Credentials for this region; `fresh` asks for new ones (after a refusal or a close). */
  credentials(fresh: boolean): Promise<AwsCredentialIdentity>;
  onEvent(event: IvsEvent, channel: string): void;
  onState(state: ConnectionState): void;
  /** A subscription is in place (first time or after a reconnect): what it covers may have changed unseen. */
  onSubscribed(channel: string): void;
  socket?: SocketFactory;
  /** The SigV4 signer (./signer.ts), handed in by the AWS layer, which already holds the SDK's signing code. */
  sign: typeof signEventsRequest;
  random?: () => number;
  now?: () => number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(t: unknown): void };
};

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;
/** How long an opened socket may wait for connection_ack before it is abandoned. */
export const ACK_TIMEOUT_MS = 15_000;

/** Exponential with equal jitter: half of the step is fixed, half random, so sockets of many tabs spread out. */
export function backoffDelay(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 10));
  return Math.round(step / 2 + random() * (step / 2));
}

const describe = (errors: ProtocolError[]): string =>
  errors.map((e) => [e.errorType, e.message].filter(Boolean).join(': ')).filter(Boolean).join('; ') || 'no reason given';

type Sub = { id: string; state: 'pending' | 'active' | 'refused'; why?: string };

export type EventsConnection = {
  /** The channels wanted now; subscribes the new ones and unsubscribes the rest. */
  setChannels(channels: readonly string[]): void;
  counts(): ConnectionCounts;
  state(): ConnectionState;
  /** Closes the socket (as if the network dropped it): the connection reconnects by itself. */
  drop(): void;
  /**
   * Tries to publish one harmless event on `channel` over the open socket, to check the role's policy: staff roles
   * must be refused (only the relay may publish). Answers what the service said.
   */
  probePublish(channel: string): Promise<{ allowed: boolean; detail: string }>;
  stop(): void;
};

const defaultSocket: SocketFactory = (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike;
const defaultTimers = {
  set: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clear: (t: unknown): void => clearTimeout(t as ReturnType<typeof setTimeout>),
};

export function createEventsConnection(o: ConnectionOptions): EventsConnection {
  const open = o.socket ?? defaultSocket;
  const sign = o.sign;
  const random = o.random ?? Math.random;
  const now = o.now ?? Date.now;
  const timers = o.timers ?? defaultTimers;
  const url = `${o.realtimeEndpoint.replace(/\/+$/, '')}/event/realtime`;

  const wanted = new Set<string>();
  const subs = new Map<string, Sub>(); // channel → subscription on the current socket
  const counts: ConnectionCounts = { connects: 0, closes: 0, received: 0, malformed: 0, subscribeErrors: 0 };
  let ws: SocketLike | undefined;
  let acked = false;
  let attempt = 0;
  let stopped = false;
  let freshCredentials = false;
  let current: ConnectionState = { kind: 'connecting' };
  let watchdog: unknown;
  let retryTimer: unknown;
  let refusedWhy: string | undefined;
  const probes = new Map<string, (r: { allowed: boolean; detail: string }) => void>();

  function setState(s: ConnectionState): void {
    current = s;
    o.onState(s);
  }

  /** live, or refused while some wanted channel was refused. */
  function settle(): void {
    if (!acked || stopped) return;
    const refused = [...subs.values()].find((s) => s.state === 'refused');
    if (refused) setState({ kind: 'refused', why: refused.why ?? 'subscription refused' });
    else if (current.kind !== 'live') setState({ kind: 'live' });
  }

  function arm(ms: number): void {
    if (watchdog !== undefined) timers.clear(watchdog);
    watchdog = timers.set(() => {
      // Nothing (not even a keep-alive) within the server's own timeout: the socket is dead without knowing it.
      ws?.close(4000, 'keep-alive timeout');
      closed(ws, 'no keep-alive from the server');
    }, ms);
  }

  let timeoutMs = 0;

  async function subscribe(socket: SocketLike, channel: string): Promise<void> {
    const sub: Sub = { id: subscriptionId(), state: 'pending' };
    subs.set(channel, sub);
    try {
      const authorization = await sign(await o.credentials(false), o.region, o.httpEndpoint, JSON.stringify({ channel }));
      if (ws !== socket || subs.get(channel) !== sub || socket.readyState !== 1) return;
      socket.send(JSON.stringify({ type: 'subscribe', id: sub.id, channel, authorization }));
    } catch (e) {
      sub.state = 'refused';
      sub.why = `could not sign: ${e instanceof Error ? e.message : String(e)}`;
      settle();
    }
  }

  function unsubscribe(socket: SocketLike, channel: string): void {
    const sub = subs.get(channel);
    subs.delete(channel);
    if (sub && sub.state !== 'refused' && socket.readyState === 1) socket.send(JSON.stringify({ type: 'unsubscribe', id: sub.id }));
  }

  function channelOf(id: string): string | undefined {
    for (const [ch, s] of subs) if (s.id === id) return ch;
    return undefined;
  }

  function onMessage(socket: SocketLike, raw: unknown): void {
    if (ws !== socket || typeof raw !== 'string') return;
    const m = parseServerMessage(raw);
    switch (m.type) {
      case 'connection_ack':
        acked = true;
        attempt = 0;
        refusedWhy = undefined;
        counts.connects++;
        timeoutMs = m.connectionTimeoutMs;
        arm(timeoutMs);
        setState({ kind: 'live' });
        for (const ch of wanted) void subscribe(socket, ch);
        return;
      case 'ka':
        if (acked) arm(timeoutMs);
        return;
      case 'subscribe_success': {
        const ch = channelOf(m.id);
        const sub = ch ? subs.get(ch) : undefined;
        if (!ch || !sub) return;
        sub.state = 'active';
        settle();
        o.onSubscribed(ch);
        return;
      }
      case 'subscribe_error': {
        const ch = channelOf(m.id);
        const sub = ch ? subs.get(ch) : undefined;
        if (!sub) return;
        counts.subscribeErrors++;
        sub.state = 'refused';
        sub.why = `subscribe to ${ch} refused: ${describe(m.errors)}`;
        settle();
        return;
      }
      case 'data': {
        if (acked) arm(timeoutMs);
        const ch = channelOf(m.id);
        if (!ch) return;
        for (const e of eventsOfData(m.event)) {
          const ev = asIvsEvent(e);
          if (!ev) {
            counts.malformed++;
            continue;
          }
          counts.received++;
          counts.lastEventAt = now();
          o.onEvent(ev, ch);
        }
        return;
      }
      case 'publish_success':
      case 'publish_error': {
        const done = probes.get(m.id);
        probes.delete(m.id);
        if (m.type === 'publish_success') done?.({ allowed: m.failed === 0, detail: m.failed === 0 ? 'the service accepted the event' : 'the service refused the event' });
        else done?.({ allowed: false, detail: describe(m.errors) });
        return;
      }
      case 'connection_error':
      case 'error':
        refusedWhy = `connection refused: ${describe(m.errors)}`;
        freshCredentials = true;
        socket.close(4001, 'connection error');
        closed(socket, refusedWhy);
        return;
      default:
        return;
    }
  }

  function closed(socket: SocketLike | undefined, why: string): void {
    if (!socket || ws !== socket) return;
    ws = undefined;
    acked = false;
    subs.clear();
    counts.closes++;
    if (watchdog !== undefined) timers.clear(watchdog);
    watchdog = undefined;
    if (stopped) return;
    const delay = backoffDelay(attempt++, random);
    const at = now() + delay;
    // Credentials may be what failed; a new socket always signs with newly fetched ones.
    freshCredentials = true;
    setState(refusedWhy ? { kind: 'refused', why: refusedWhy, at } : { kind: 'retrying', at, why });
    retryTimer = timers.set(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    if (current.kind !== 'refused') setState({ kind: 'connecting' });
    let socket: SocketLike;
    try {
      const creds = await o.credentials(freshCredentials);
      freshCredentials = false;
      const headers = await sign(creds, o.region, o.httpEndpoint, '{}');
      if (stopped) return;
      socket = open(url, connectSubprotocols(headers));
    } catch (e) {
      // No credentials or no socket: treat like a close, with backoff.
      const placeholder = {} as SocketLike;
      ws = placeholder;
      closed(placeholder, `could not connect: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    ws = socket;
    const ackTimer = timers.set(() => {
      if (ws === socket && !acked) {
        socket.close(4002, 'no connection_ack');
        closed(socket, 'the server did not acknowledge the connection');
      }
    }, ACK_TIMEOUT_MS);
    socket.onopen = () => {
      if (ws === socket) socket.send(JSON.stringify({ type: 'connection_init' }));
    };
    socket.onmessage = (ev) => onMessage(socket, ev.data);
    socket.onerror = () => undefined;
    socket.onclose = (ev) => {
      timers.clear(ackTimer);
      closed(socket, `disconnected (code ${ev.code}${ev.reason ? `: ${ev.reason}` : ''})`);
    };
  }

  void connect();

  return {
    setChannels(channels) {
      const next = new Set(channels);
      for (const ch of [...wanted]) {
        if (next.has(ch)) continue;
        wanted.delete(ch);
        if (ws && acked) unsubscribe(ws, ch);
      }
      for (const ch of next) {
        if (wanted.has(ch)) continue;
        wanted.add(ch);
        if (ws && acked) void subscribe(ws, ch);
      }
      settle();
    },
    counts: () => ({ ...counts }),
    state: () => current,
    drop() {
      const s = ws;
      s?.close(4003, 'dropped by the client');
      closed(s, 'closed by the client');
    },
    async probePublish(channel) {
      const socket = ws;
      if (!socket || !acked) return { allowed: false, detail: 'not connected' };
      const id = subscriptionId();
      const events = [JSON.stringify({ probe: 'greenroom publish-permission check' })];
      const authorization = await sign(await o.credentials(false), o.region, o.httpEndpoint, JSON.stringify({ channel, events }));
      return new Promise((resolve) => {
        probes.set(id, resolve);
        timers.set(() => {
          if (probes.delete(id)) resolve({ allowed: false, detail: 'no answer within 10 s' });
        }, 10_000);
        socket.send(JSON.stringify({ type: 'publish', id, channel, events, authorization }));
      });
    },
    stop() {
      stopped = true;
      if (retryTimer !== undefined) timers.clear(retryTimer);
      if (watchdog !== undefined) timers.clear(watchdog);
      const s = ws;
      ws = undefined;
      s?.close(1000, 'stopped');
      setState({ kind: 'stopped' });
    },
  };
}
