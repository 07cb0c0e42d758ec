// Protocol-state tests of the events connection against a scripted socket (the end-to-end path runs against the
// emulator's real endpoint in e2e/specs/push.spec.ts). Signing is the real signer with fixed credentials.
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-browser';
import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS, createEventsConnection, type ConnectionState, type SocketFactory } from './connection';
import { stageChannel } from './channels';
import { asIvsEvent, base64Url, eventsOfData, parseServerMessage } from './protocol';
import { signEventsRequest } from './signer';

const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'tok' };

class FakeSocket {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith?: number;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readonly url: string;
  readonly protocols: string[];
  constructor(url: string, protocols: string[]) {
    this.url = url;
    this.protocols = protocols;
  }
  send(d: string): void {
    this.sent.push(JSON.parse(d) as Record<string, unknown>);
  }
  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }
  // Server side of the script.
  opened(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  message(m: unknown): void {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const events: string[] = [];
  const subscribed: string[] = [];
  const pending: { fn: () => void; ms: number }[] = [];
  const freshAsks: boolean[] = [];
  const factory: SocketFactory = (url, protocols) => {
    const s = new FakeSocket(url, protocols);
    sockets.push(s);
    return s;
  };
  const conn = createEventsConnection({
    region: 'us-east-1',
    realtimeEndpoint: 'wss://abc.appsync-realtime-api.us-east-1.amazonaws.com',
    httpEndpoint: 'https://abc.appsync-api.us-east-1.amazonaws.com',
    credentials: async (fresh) => {
      freshAsks.push(fresh);
      return creds;
    },
    onEvent: (e, ch) => events.push(`${ch}:${e.id}`),
    onState: (s) => states.push(s),
    onSubscribed: (ch) => subscribed.push(ch),
    socket: factory,
    sign: signEventsRequest,
    random: () => 0.5,
    now: () => 1_000_000,
    timers: {
      set: (fn, ms) => {
        const t = { fn, ms };
        pending.push(t);
        return t;
      },
      clear: (t) => {
        const i = pending.indexOf(t as (typeof pending)[number]);
        if (i >= 0) pending.splice(i, 1);
      },
    },
  });
  // Signing goes through WebCrypto, which settles on later turns of the event loop.
  const flush = () => new Promise((r) => setTimeout(r, 150));
  return { conn, sockets, states, events, subscribed, pending, freshAsks, flush };
}

const ivsEvent = (id: string) => ({
  version: '0',
  id,
  'detail-type': 'IVS Stage Update',
  source: 'aws.ivs',
  account: '123456789012',
  time: '2026-12-05T10:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:ivs:us-east-1:123456789012:stage/AbCdef1G2hij'],
  detail: { event_name: 'Participant Published', participant_id: 'p1', session_id: 'st-1', user_id: 'u' },
});

describe('events protocol', () => {
  it('names a stage channel from its ARN and refuses ids that are not channel segments', () => {
    expect(stageChannel('arn:aws:ivs:us-east-1:123456789012:stage/AbCdef1G2hij')).toBe('/ivs/stage/AbCdef1G2hij');
    expect(stageChannel('arn:aws:ivs:us-east-1:123456789012:stage/bad_id')).toBeUndefined();
    expect(stageChannel('arn:aws:ivs:us-east-1:123456789012:stage/-edge')).toBeUndefined();
  });

  it('reads data.event as one JSON string or as an array of them, and flags what does not parse', () => {
    const e = ivsEvent('e1');
    expect(eventsOfData(JSON.stringify(e))).toEqual([e]);
    expect(eventsOfData([JSON.stringify(e), JSON.stringify({ ...e, id: 'e2' })]).map((x) => (x as { id: string }).id)).toEqual(['e1', 'e2']);
    expect(eventsOfData(['{nope'])).toEqual([undefined]);
    expect(asIvsEvent({ ...e, time: 'yesterday' })).toBeUndefined();
    expect(asIvsEvent({ ...e, resources: 'x' })).toBeUndefined();
    expect(asIvsEvent(e)?.detail.participant_id).toBe('p1');
  });

  it('parses server messages and defaults the connection timeout', () => {
    expect(parseServerMessage('{"type":"connection_ack"}')).toEqual({ type: 'connection_ack', connectionTimeoutMs: 300_000 });
    expect(parseServerMessage('{"type":"subscribe_error","id":"a","errors":[{"errorType":"UnauthorizedException","message":"no"}]}')).toEqual({
      type: 'subscribe_error',
      id: 'a',
      errors: [{ errorType: 'UnauthorizedException', message: 'no' }],
    });
    expect(parseServerMessage('not json').type).toBe('unknown');
  });

  it('encodes the header subprotocol as unpadded base64url', () => {
    expect(base64Url('{"a":"??>"}')).toBe('eyJhIjoiPz8-In0');
  });

  it('signs a POST /event on the HTTP host, without x-amz-content-sha256, exactly as SigV4 re-derives it', async () => {
    const h = await signEventsRequest(creds, 'us-east-1', 'https://abc.appsync-api.us-east-1.amazonaws.com', '{"channel":"/ivs/*"}');
    expect(h.host).toBe('abc.appsync-api.us-east-1.amazonaws.com');
    expect(h['x-amz-security-token']).toBe('tok');
    expect(h).not.toHaveProperty('x-amz-content-sha256');
    expect(h.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/appsync\/aws4_request, SignedHeaders=accept;content-encoding;content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    // An independent signer with the same date recomputes the same signature.
    const date = h['x-amz-date'] as string;
    const again = await new SignatureV4({ credentials: creds, region: 'us-east-1', service: 'appsync', sha256: Sha256, applyChecksum: false }).sign(
      {
        method: 'POST',
        protocol: 'https:',
        hostname: 'abc.appsync-api.us-east-1.amazonaws.com',
        path: '/event',
        query: {},
        headers: { accept: h.accept!, 'content-encoding': h['content-encoding']!, 'content-type': h['content-type']!, host: h.host! },
        body: '{"channel":"/ivs/*"}',
      },
      { signingDate: new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`) },
    );
    expect(again.headers.authorization).toBe(h.authorization);
  });

  it('backs off exponentially with jitter up to a cap', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(6000);
    expect(backoffDelay(20, () => 1)).toBe(BACKOFF_CAP_MS);
  });
});

describe('events connection', () => {
  it('connects with signed subprotocols, subscribes after the ack, delivers data and stays alive on ka', async () => {
    const h = harness();
    h.conn.setChannels(['/ivs/*']);
    await h.flush();
    const s = h.sockets[0]!;
    expect(s.url).toBe('wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/event/realtime');
    expect(s.protocols[0]).toBe('aws-appsync-event-ws');
    const connectHeaders = JSON.parse(atob(s.protocols[1]!.slice('header-'.length).replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string>;
    expect(connectHeaders.host).toBe('abc.appsync-api.us-east-1.amazonaws.com');
    s.opened();
    expect(s.sent).toEqual([{ type: 'connection_init' }]);
    s.message({ type: 'connection_ack', connectionTimeoutMs: 60_000 });
    await h.flush();
    const sub = s.sent[1]!;
    expect(sub).toMatchObject({ type: 'subscribe', channel: '/ivs/*' });
    expect((sub.authorization as Record<string, string>).authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    s.message({ type: 'subscribe_success', id: sub.id });
    expect(h.subscribed).toEqual(['/ivs/*']);
    expect(h.conn.state()).toEqual({ kind: 'live' });
    s.message({ type: 'data', id: sub.id, event: JSON.stringify(ivsEvent('e1')) });
    s.message({ type: 'data', id: sub.id, event: [JSON.stringify(ivsEvent('e2')), '{broken'] });
    expect(h.events).toEqual(['/ivs/*:e1', '/ivs/*:e2']);
    expect(h.conn.counts()).toMatchObject({ received: 2, malformed: 1, connects: 1 });
    // The watchdog is the ack's timeout and is re-armed by ka.
    const dog = h.pending.find((t) => t.ms === 60_000)!;
    s.message({ type: 'ka' });
    expect(h.pending).not.toContain(dog);
    expect(h.pending.filter((t) => t.ms === 60_000)).toHaveLength(1);
  });

  it('unsubscribes a channel no longer wanted and subscribes a new one on the open socket', async () => {
    const h = harness();
    h.conn.setChannels(['/ivs/stage/A']);
    await h.flush();
    const s = h.sockets[0]!;
    s.opened();
    s.message({ type: 'connection_ack' });
    await h.flush();
    const first = s.sent[1]!;
    s.message({ type: 'subscribe_success', id: first.id });
    h.conn.setChannels(['/ivs/stage/B']);
    await h.flush();
    expect(s.sent.slice(2).map((m) => m.type)).toEqual(['unsubscribe', 'subscribe']);
    expect(s.sent[2]).toEqual({ type: 'unsubscribe', id: first.id });
    expect(s.sent[3]).toMatchObject({ channel: '/ivs/stage/B' });
  });

  it('reconnects after a close with backoff and fresh credentials, and subscribes again', async () => {
    const h = harness();
    h.conn.setChannels(['/ivs/*']);
    await h.flush();
    const s = h.sockets[0]!;
    s.opened();
    s.message({ type: 'connection_ack' });
    await h.flush();
    s.message({ type: 'subscribe_success', id: s.sent[1]!.id });
    s.drop();
    const st = h.conn.state();
    expect(st).toMatchObject({ kind: 'retrying', at: 1_000_000 + 750 });
    const retry = h.pending.find((t) => t.ms === 750)!;
    retry.fn();
    await h.flush();
    expect(h.freshAsks.at(-1)).toBe(true);
    const s2 = h.sockets[1]!;
    s2.opened();
    s2.message({ type: 'connection_ack' });
    await h.flush();
    expect(s2.sent[1]).toMatchObject({ type: 'subscribe', channel: '/ivs/*' });
    s2.message({ type: 'subscribe_success', id: s2.sent[1]!.id });
    expect(h.subscribed).toEqual(['/ivs/*', '/ivs/*']);
    expect(h.conn.state()).toEqual({ kind: 'live' });
  });

  it('closes a silent socket when the keep-alive watchdog fires', async () => {
    const h = harness();
    await h.flush();
    const s = h.sockets[0]!;
    s.opened();
    s.message({ type: 'connection_ack', connectionTimeoutMs: 5_000 });
    h.pending.find((t) => t.ms === 5_000)!.fn();
    expect(s.closedWith).toBe(4000);
    expect(h.conn.state()).toMatchObject({ kind: 'retrying', why: 'no keep-alive from the server' });
  });

  it('reports a refused subscription and a refused connection with the server\'s words', async () => {
    const h = harness();
    h.conn.setChannels(['/ivs/*']);
    await h.flush();
    const s = h.sockets[0]!;
    s.opened();
    s.message({ type: 'connection_ack' });
    await h.flush();
    s.message({ type: 'subscribe_error', id: s.sent[1]!.id, errors: [{ errorType: 'UnauthorizedException', message: 'not allowed' }] });
    expect(h.conn.state()).toEqual({ kind: 'refused', why: 'subscribe to /ivs/* refused: UnauthorizedException: not allowed' });
    s.message({ type: 'connection_error', errors: [{ errorType: 'UnauthorizedException' }] });
    expect(h.conn.state()).toMatchObject({ kind: 'refused', why: 'connection refused: UnauthorizedException' });
  });
});
