// The AWS AppSync Events WebSocket protocol as the console speaks it, and the IVS EventBridge events it carries.
// Pure functions and types only: the connection (./connection.ts) drives the socket, the signer signs.

/** The protocol's subprotocol name; the second subprotocol carries the signed connect headers. */
export const EVENTS_SUBPROTOCOL = 'aws-appsync-event-ws';

/** base64url without padding, as the `header-` subprotocol wants it (UTF-8 JSON in, ASCII out). */
export function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The subprotocols that open an IAM-authorised connection: the protocol name and the signed `{}` headers. */
export function connectSubprotocols(signedHeaders: Record<string, string>): string[] {
  return [EVENTS_SUBPROTOCOL, `header-${base64Url(JSON.stringify(signedHeaders))}`];
}

export type ProtocolError = { errorType?: string; message?: string };

/** What the server sends, narrowed to what the client acts on; anything else is `unknown`. */
export type ServerMessage =
  | { type: 'connection_ack'; connectionTimeoutMs: number }
  | { type: 'ka' }
  | { type: 'subscribe_success'; id: string }
  | { type: 'subscribe_error'; id: string; errors: ProtocolError[] }
  | { type: 'unsubscribe_success'; id: string }
  | { type: 'unsubscribe_error'; id: string; errors: ProtocolError[] }
  | { type: 'data'; id: string; event: unknown }
  | { type: 'publish_success'; id: string; failed: number }
  | { type: 'publish_error'; id: string; errors: ProtocolError[] }
  | { type: 'broadcast_error'; id?: string; errors: ProtocolError[] }
  | { type: 'connection_error' | 'error'; errors: ProtocolError[] }
  | { type: 'unknown'; raw: string };

/** AWS documents five minutes when the ack does not say. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 300_000;

function errorsOf(v: unknown): ProtocolError[] {
  if (!Array.isArray(v)) return [];
  return v.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null).map((e) => ({
    ...(typeof e.errorType === 'string' ? { errorType: e.errorType } : {}),
    ...(typeof e.message === 'string' ? { message: e.message } : {}),
  }));
}

export function parseServerMessage(raw: string): ServerMessage {
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return { type: 'unknown', raw };
  }
  if (typeof m !== 'object' || m === null) return { type: 'unknown', raw };
  const o = m as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : undefined;
  switch (o.type) {
    case 'connection_ack':
      return {
        type: 'connection_ack',
        connectionTimeoutMs: typeof o.connectionTimeoutMs === 'number' && o.connectionTimeoutMs > 0 ? o.connectionTimeoutMs : DEFAULT_CONNECTION_TIMEOUT_MS,
      };
    case 'ka':
      return { type: 'ka' };
    case 'subscribe_success':
    case 'unsubscribe_success':
      return id ? { type: o.type, id } : { type: 'unknown', raw };
    case 'subscribe_error':
    case 'unsubscribe_error':
      return id ? { type: o.type, id, errors: errorsOf(o.errors) } : { type: 'unknown', raw };
    case 'data':
      return id ? { type: 'data', id, event: o.event } : { type: 'unknown', raw };
    case 'publish_success':
      return id ? { type: 'publish_success', id, failed: Array.isArray(o.failed) ? o.failed.length : 0 } : { type: 'unknown', raw };
    case 'publish_error':
      return id ? { type: 'publish_error', id, errors: errorsOf(o.errors) } : { type: 'unknown', raw };
    case 'broadcast_error':
      return { type: 'broadcast_error', ...(id ? { id } : {}), errors: errorsOf(o.errors) };
    case 'connection_error':
    case 'error':
      return { type: o.type, errors: errorsOf(o.errors) };
    default:
      return { type: 'unknown', raw };
  }
}

/**
 * The events of one `data` message. AWS's protocol page shows `event` as an array of JSON strings; Amplify's
 * client treats it as one JSON string; both are read (and an element that is already an object is kept).
 * Elements that do not parse are returned as `undefined` so the caller can count them.
 */
export function eventsOfData(event: unknown): unknown[] {
  const one = (e: unknown): unknown => {
    if (typeof e !== 'string') return e;
    try {
      return JSON.parse(e) as unknown;
    } catch {
      return undefined;
    }
  };
  return Array.isArray(event) ? event.map(one) : [one(event)];
}

/** An EventBridge event as IVS sends it (envelope fields as EventBridge documents them). */
export type IvsEvent = {
  id: string;
  'detail-type': string;
  source: string;
  account?: string;
  /** ISO 8601, whole seconds. */
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
};

/** The envelope checked field by field: an event that lacks one of these cannot be placed and is dropped. */
export function asIvsEvent(v: unknown): IvsEvent | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || !o.id) return undefined;
  if (typeof o['detail-type'] !== 'string' || typeof o.time !== 'string' || Number.isNaN(Date.parse(o.time))) return undefined;
  if (typeof o.region !== 'string' || !Array.isArray(o.resources) || !o.resources.every((r) => typeof r === 'string')) return undefined;
  if (typeof o.detail !== 'object' || o.detail === null || Array.isArray(o.detail)) return undefined;
  return {
    id: o.id,
    'detail-type': o['detail-type'],
    source: typeof o.source === 'string' ? o.source : '',
    ...(typeof o.account === 'string' ? { account: o.account } : {}),
    time: o.time,
    region: o.region,
    resources: o.resources as string[],
    detail: o.detail as Record<string, unknown>,
  };
}

/** A random id for subscribe messages (`^[a-zA-Z0-9-_+]{1,128}$`). */
export function subscriptionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}
