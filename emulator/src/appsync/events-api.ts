// An AWS AppSync Events API on the emulator's port, one per region served, with its one channel namespace `ivs`:
// the WebSocket protocol on /event/realtime (subprotocols aws-appsync-event-ws + header-<base64url(JSON(signed
// headers))>, connection_init → connection_ack, ka, subscribe / unsubscribe / publish, data) and HTTP publish on
// POST /event. Authorization is IAM only, as the deployed API is: every connect, subscribe and publish carries a
// SigV4 signature (service appsync) of a POST to /event, checked with the emulator's SigV4 verification and then
// against the caller's role policy (appsync:EventConnect on the API, EventSubscribe / EventPublish on the namespace).
// The region of a connection or publish is its signature's credential scope; a connection hears its region only.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Caller, CredentialStore } from '../auth/credentials.ts';
import { ServiceError } from '../errors.ts';
import { verifySigV4, type SignedRequest } from '../http/sigv4.ts';
import { evaluate, type RolePolicies } from '../iam/policy.ts';
import { channelMatches, eventsApiArn, IVS_NAMESPACE, MESSAGE_ID, namespaceArn, parseChannel, type Channel } from './channels.ts';
import { PushFaults } from './faults.ts';

export const EVENTS_REALTIME_PATH = '/event/realtime';
export const EVENTS_HTTP_PATH = '/event';
const SUBPROTOCOL = 'aws-appsync-event-ws';
/** What AWS's connection_ack says: the longest a client should wait for a ka before it gives up on the socket. */
export const CONNECTION_TIMEOUT_MS = 300_000;
/** AWS sends ka about every minute; tests shorten it. */
export const DEFAULT_KEEP_ALIVE_MS = 60_000;
// AppSync Events' quotas that matter to a console: 200 subscriptions per connection, 5 events per publish, 240 KB
// per event.
export const MAX_SUBSCRIPTIONS = 200;
const MAX_EVENTS_PER_PUBLISH = 5;
const MAX_EVENT_BYTES = 240 * 1024;
// A publish request may carry 1.2 MB; a frame larger than that (plus its envelope) is refused by the socket itself.
const MAX_FRAME_BYTES = 1_300_000;
/** The close code after a connect or subscribe with expired credentials. AWS is silent on the code; 1008 is "policy violation". */
export const CLOSE_UNAUTHORIZED = 1008;

export type EventsError = { errorType: string; message: string };
export type PushStatus = { connections: number; subscriptions: number; published: number; delivered: number; dropped: number };

type Subscription = { id: string; channel: Channel };
type Connection = {
  ws: WebSocket;
  region?: string;
  caller?: Caller;
  failed: boolean;
  subs: Map<string, Subscription>;
  ka?: NodeJS.Timeout;
  /** Messages are handled one at a time, in order (verification is asynchronous). */
  queue: Promise<void>;
};

type Verified = { caller: Caller; region: string };

/**
 * A failure AppSync reports in an `errors` list. The errorType words: BadRequestException for a malformed channel or
 * message (as AppSync's own clients' test fixtures show it: "Invalid Channel Format"), UnauthorizedException for a
 * signature or permission failure (AppSync's word for an authorization failure); AWS is silent on the exact
 * messages, so ours say what was wrong.
 */
class Refusal extends Error {
  readonly errorType: string;
  readonly status: number;
  readonly close: boolean;
  constructor(errorType: string, message: string, opts: { status?: number; close?: boolean } = {}) {
    super(message);
    this.errorType = errorType;
    this.status = opts.status ?? 400;
    this.close = opts.close ?? false;
  }
  get body(): EventsError {
    return { errorType: this.errorType, message: this.message };
  }
}

const badRequest = (message: string) => new Refusal('BadRequestException', message);

export type EventsApiOptions = {
  accountId: string;
  regions: readonly string[];
  credentials: CredentialStore;
  policies: RolePolicies;
  keepAliveMs?: number;
};

export class EventsApi {
  readonly faults = new PushFaults();
  private readonly opts: EventsApiOptions;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private published = 0;
  private delivered = 0;

  constructor(opts: EventsApiOptions) {
    this.opts = opts;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_FRAME_BYTES,
      // The client offers the protocol name and its signed headers as a second "protocol"; the server answers with
      // the protocol name only, as a browser requires one of the offered values back.
      handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
  }

  get keepAliveMs(): number {
    return this.opts.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
  }

  status(): PushStatus {
    let subscriptions = 0;
    for (const c of this.connections) subscriptions += c.subs.size;
    return { connections: this.connections.size, subscriptions, published: this.published, delivered: this.delivered, dropped: this.faults.dropped };
  }

  /** The server's `upgrade` event: takes a WebSocket request for /event/realtime, refuses anything else. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== EVENTS_REALTIME_PATH) return refuseUpgrade(socket, 404, `No WebSocket endpoint at ${path.slice(0, 100)}; the Events API's is ${EVENTS_REALTIME_PATH}.`);
    if (this.faults.refuseConnections) return refuseUpgrade(socket, 503, 'The emulator refuses new connections (push fault refuseConnections).');
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (!offered.includes(SUBPROTOCOL)) return refuseUpgrade(socket, 400, `The WebSocket must offer the subprotocol ${SUBPROTOCOL}, and header-<base64url of the signed headers>.`);
    const header = offered.find((p) => p.startsWith('header-'));
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, header));
  }

  private open(ws: WebSocket, header: string | undefined): void {
    const conn: Connection = { ws, failed: false, subs: new Map(), queue: Promise.resolve() };
    conn.queue = this.connect(conn, header);
    ws.on('message', (data, isBinary) => {
      conn.queue = conn.queue.then(() => this.onMessage(conn, data, isBinary)).catch((e: unknown) => {
        // Never let one message take the emulator down; the client hears a generic error.
        console.error('emulator: an Events API message failed:', e);
        send(conn, { type: 'error', errors: [{ errorType: 'InternalFailure', message: 'The emulator failed to handle the message.' }] });
      });
    });
    ws.on('close', () => {
      clearInterval(conn.ka);
      this.connections.delete(conn);
    });
    ws.on('error', () => {
      // A broken socket closes; nothing else to do.
    });
  }

  /** Verifies the connect signature (body `{}`) and appsync:EventConnect; a refused socket hears connection_error and closes. */
  private async connect(conn: Connection, header: string | undefined): Promise<void> {
    try {
      if (!header) throw new Refusal('UnauthorizedException', 'The connection carries no header-<base64url(JSON(signed headers))> subprotocol.', { status: 401 });
      let headers: unknown;
      try {
        headers = JSON.parse(Buffer.from(header.slice('header-'.length), 'base64url').toString('utf8'));
      } catch {
        throw new Refusal('UnauthorizedException', 'The header- subprotocol is not base64url of a JSON object of signed headers.', { status: 401 });
      }
      const who = await this.verify(headers, '{}');
      this.checkIam(who, 'appsync:EventConnect', eventsApiArn(who.region, this.opts.accountId));
      conn.caller = who.caller;
      conn.region = who.region;
      this.connections.add(conn);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      conn.failed = true;
      // AWS is silent on how an IAM connect failure reaches an Events client; Amplify's client expects a
      // connection_error message during the handshake, so the socket opens, says why, and closes.
      send(conn, { type: 'connection_error', errors: [e.body] });
      conn.ws.close(CLOSE_UNAUTHORIZED, e.errorType);
    }
  }

  private async onMessage(conn: Connection, data: RawData, isBinary: boolean): Promise<void> {
    if (conn.failed || conn.ws.readyState !== conn.ws.OPEN) return;
    let msg: Record<string, unknown>;
    try {
      if (isBinary) throw new Error('binary');
      const parsed: unknown = JSON.parse(rawText(data));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      msg = parsed as Record<string, unknown>;
    } catch {
      send(conn, { type: 'error', errors: [{ errorType: 'BadRequestException', message: 'A message must be a JSON object in a text frame, with a "type".' }] });
      return;
    }
    switch (msg.type) {
      case 'connection_init':
        send(conn, { type: 'connection_ack', connectionTimeoutMs: CONNECTION_TIMEOUT_MS });
        this.keepAlive(conn);
        return;
      case 'subscribe':
        return this.subscribe(conn, msg);
      case 'unsubscribe':
        return this.unsubscribe(conn, msg);
      case 'publish':
        return this.wsPublish(conn, msg);
      default:
        // AWS is silent on the answer to an unknown type; AppSync's GraphQL endpoint calls it UnsupportedOperation.
        send(conn, {
          type: 'error',
          ...(typeof msg.id === 'string' && MESSAGE_ID.test(msg.id) ? { id: msg.id } : {}),
          errors: [{ errorType: 'UnsupportedOperation', message: `Unknown message type ${JSON.stringify(String(msg.type)).slice(0, 60)}; send connection_init, subscribe, unsubscribe or publish.` }],
        });
    }
  }

  /** Starts the ka beat (once): one right away, then every keepAliveMs. */
  private keepAlive(conn: Connection): void {
    if (conn.ka) return;
    send(conn, { type: 'ka' });
    conn.ka = setInterval(() => send(conn, { type: 'ka' }), this.keepAliveMs);
    conn.ka.unref();
  }

  private async subscribe(conn: Connection, msg: Record<string, unknown>): Promise<void> {
    const id = typeof msg.id === 'string' && MESSAGE_ID.test(msg.id) ? msg.id : undefined;
    try {
      if (!id) throw badRequest('The subscription id must be 1–128 letters, digits, -, _ or + (unique on this connection).');
      if (conn.subs.has(id)) throw badRequest(`The subscription id ${id} is already in use on this connection.`);
      const channel = parseChannel(msg.channel, { wildcard: true });
      if ('error' in channel) throw badRequest(`Invalid Channel Format: ${channel.error}`);
      // Amplify signs JSON.stringify({channel}) for a subscribe, and so do we when we check it.
      const who = await this.verify(msg.authorization, JSON.stringify({ channel: msg.channel }), conn.region);
      this.checkIam(who, 'appsync:EventSubscribe', namespaceArn(who.region, this.opts.accountId, channel.namespace));
      if (channel.namespace !== IVS_NAMESPACE) throw badRequest(`This API has no channel namespace "${channel.namespace}"; its namespace is ${IVS_NAMESPACE}.`);
      // AWS is silent on the Events wording; AppSync's GraphQL real-time endpoint says MaxSubscriptionsReachedError.
      if (conn.subs.size >= MAX_SUBSCRIPTIONS) throw new Refusal('MaxSubscriptionsReachedError', `Max number of ${MAX_SUBSCRIPTIONS} subscriptions reached on this connection.`);
      conn.subs.set(id, { id, channel });
      this.keepAlive(conn);
      send(conn, { type: 'subscribe_success', id });
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      send(conn, { type: 'subscribe_error', ...(id ? { id } : {}), errors: [e.body] });
      if (e.close) conn.ws.close(CLOSE_UNAUTHORIZED, 'Expired credentials');
    }
  }

  private unsubscribe(conn: Connection, msg: Record<string, unknown>): void {
    const id = typeof msg.id === 'string' && MESSAGE_ID.test(msg.id) ? msg.id : undefined;
    if (id && conn.subs.delete(id)) {
      send(conn, { type: 'unsubscribe_success', id });
      return;
    }
    // AWS is silent on the errorType for an id that is not subscribed; we call it a bad request.
    send(conn, { type: 'unsubscribe_error', ...(id ? { id } : {}), errors: [{ errorType: 'BadRequestException', message: id ? `No subscription ${id} on this connection.` : 'unsubscribe needs the id of a subscription.' }] });
  }

  private async wsPublish(conn: Connection, msg: Record<string, unknown>): Promise<void> {
    const id = typeof msg.id === 'string' && MESSAGE_ID.test(msg.id) ? msg.id : undefined;
    try {
      if (!id) throw badRequest('The publish id must be 1–128 letters, digits, -, _ or +.');
      const who = await this.verify(msg.authorization, JSON.stringify({ channel: msg.channel, events: msg.events }), conn.region);
      const out = this.publish(who, msg.channel, msg.events);
      send(conn, { type: 'publish_success', id, ...out });
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      send(conn, { type: 'publish_error', ...(id ? { id } : {}), errors: [e.body] });
      if (e.close) conn.ws.close(CLOSE_UNAUTHORIZED, 'Expired credentials');
    }
  }

  /** POST /event: a SigV4-signed HTTP publish. */
  async httpPublish(req: SignedRequest): Promise<{ status: number; body: unknown; errorType?: string }> {
    try {
      let who: Verified;
      try {
        who = await verifySigV4(req, this.opts.credentials, { service: 'appsync', regions: this.opts.regions });
      } catch (e) {
        if (e instanceof ServiceError) throw new Refusal('UnauthorizedException', e.message, { status: 401 });
        throw e;
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
      } catch {
        throw badRequest('The body must be a JSON object {"channel": "/ivs/…", "events": ["<JSON string>", …]}.');
      }
      return { status: 200, body: this.publish(who, body.channel, body.events) };
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      // AWS is silent on the HTTP error body of an Events publish; we answer AppSync's `errors` list.
      return { status: e.status, body: { errors: [e.body] }, errorType: e.errorType };
    }
  }

  /** Publishes events that passed the signature check: validated, authorized, then sent through the faults. */
  private publish(who: Verified, rawChannel: unknown, events: unknown): { successful: { identifier: string; index: number }[]; failed: never[] } {
    const channel = parseChannel(rawChannel, { wildcard: false });
    if ('error' in channel) throw badRequest(`Invalid Channel Format: ${channel.error}`);
    this.checkIam(who, 'appsync:EventPublish', namespaceArn(who.region, this.opts.accountId, channel.namespace));
    if (channel.namespace !== IVS_NAMESPACE) throw badRequest(`This API has no channel namespace "${channel.namespace}"; its namespace is ${IVS_NAMESPACE}.`);
    if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_PUBLISH) {
      throw badRequest(`events must be a list of 1 to ${MAX_EVENTS_PER_PUBLISH} events, each a JSON value as a string.`);
    }
    events.forEach((e, i) => {
      if (typeof e !== 'string') throw badRequest(`events[${i}] must be a string holding JSON (JSON.stringify the event).`);
      if (Buffer.byteLength(e) > MAX_EVENT_BYTES) throw badRequest(`events[${i}] is ${Buffer.byteLength(e)} bytes; an event may be at most ${MAX_EVENT_BYTES} bytes (240 KB).`);
      try {
        JSON.parse(e);
      } catch {
        throw badRequest(`events[${i}] is not valid JSON.`);
      }
    });
    const successful = (events as string[]).map((e, index) => {
      this.route(who.region, channel, e);
      return { identifier: randomUUID(), index };
    });
    return { successful, failed: [] };
  }

  /** Publishes one event (a JSON string) to a channel of a region, as the infrastructure's Lambda does. */
  publishEvent(region: string, channelPath: string, event: string): void {
    const channel = parseChannel(channelPath, { wildcard: false });
    if ('error' in channel) throw new RangeError(channel.error);
    this.route(region, channel, event);
  }

  private route(region: string, channel: Channel, event: string): void {
    this.published += 1;
    this.faults.route(() => {
      for (const conn of this.connections) {
        if (conn.region !== region || conn.ws.readyState !== conn.ws.OPEN) continue;
        for (const sub of conn.subs.values()) {
          if (!channelMatches(sub.channel, channel)) continue;
          // `event` goes out as the one JSON string that was published. AWS's protocol page shows an array in its
          // example, while Amplify's client parses a single string and AWS's tutorial says a batch arrives "each
          // message individually"; we follow the client that runs against AWS (clients should accept both).
          send(conn, { type: 'data', id: sub.id, event });
          this.delivered += 1;
        }
      }
    });
  }

  /** Closes every socket: with `code` as a close frame, or without one as a dropped network (the client sees 1006). */
  closeSockets(code?: number): number {
    if (code !== undefined && !(Number.isInteger(code) && (code === 1000 || (code >= 3000 && code <= 4999)))) {
      throw new RangeError('code must be 1000 or an application close code from 3000 to 4999 (leave it out to drop the sockets as a network would).');
    }
    let n = 0;
    for (const ws of this.wss.clients) {
      n += 1;
      if (code === undefined) ws.terminate();
      else ws.close(code, 'Closed by the emulator control API');
    }
    return n;
  }

  close(): void {
    this.faults.stop();
    for (const c of this.connections) clearInterval(c.ka);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  /**
   * Checks a message's `authorization` headers as SigV4 of POST /event with `body`. A connection's messages must be
   * signed for the connection's region (the API they are sent to).
   */
  private async verify(authorization: unknown, body: string, region?: string): Promise<Verified> {
    if (!authorization || typeof authorization !== 'object' || Array.isArray(authorization)) {
      throw new Refusal('UnauthorizedException', 'The message carries no authorization object of SigV4-signed headers.', { status: 401 });
    }
    const headers: IncomingHttpHeaders = {};
    for (const [k, v] of Object.entries(authorization)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    try {
      const who = await verifySigV4({ method: 'POST', rawPath: EVENTS_HTTP_PATH, rawQuery: '', headers, body: Buffer.from(body) }, this.opts.credentials, {
        service: 'appsync',
        regions: region ? [region] : this.opts.regions,
      });
      return who;
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      // Expired credentials end the connection: its client must reconnect with fresh ones.
      throw new Refusal('UnauthorizedException', e.message, { status: 401, close: e.code === 'ExpiredTokenException' });
    }
  }

  /** IAM for role credentials (the static key is the account's admin and passes), in IAM's words. */
  private checkIam(who: Verified, action: string, resource: string): void {
    const caller = who.caller;
    if (caller.kind !== 'cognito') return;
    const decision = evaluate(caller.roleName ? this.opts.policies.policy(caller.roleName) : undefined, action, [resource]);
    if (!decision.allowed) throw new Refusal('UnauthorizedException', `User: ${caller.principalArn} is not authorized to perform: ${action} on resource: ${resource}`, { status: 401 });
  }
}

function send(conn: Connection, msg: unknown): void {
  if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(msg));
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = { 400: 'Bad Request', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  const body = JSON.stringify({ errors: [{ errorType: status === 503 ? 'ServiceUnavailableException' : 'BadRequestException', message }] });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
