// The stage-events hub: one socket per region that has events endpoints, the channels each region should carry,
// and listeners for events, subscriptions and state. This module (with the signer) is its own chunk, loaded only
// when config.json names events endpoints.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { createEventsConnection, type ConnectionCounts, type ConnectionState, type EventsConnection, type SocketFactory } from './connection';
import type { signEventsRequest } from './signer';
import type { IvsEvent } from './protocol';

export type EventsRegion = { id: string; httpEndpoint: string; realtimeEndpoint: string };

export type EventsHub = {
  readonly regions: readonly string[];
  setChannels(region: string, channels: readonly string[]): void;
  onEvent(cb: (event: IvsEvent, region: string, channel: string) => void): () => void;
  onSubscribed(cb: (region: string, channel: string) => void): () => void;
  onState(cb: () => void): () => void;
  states(): Record<string, ConnectionState>;
  counts(): Record<string, ConnectionCounts>;
  /** Closes every socket as a network failure would; each reconnects by itself. */
  dropAll(): void;
  /** Whether this role may publish on `channel` of the region's events API (it must not). */
  probePublish(region: string, channel: string): Promise<{ allowed: boolean; detail: string }>;
  stop(): void;
};

/** Credentials are reused until five minutes before they expire, or until a connection asks for fresh ones. */
const REFRESH_BEFORE_MS = 5 * 60_000;

function memoCredentials(provider: AwsCredentialIdentityProvider, now: () => number): (fresh: boolean) => Promise<AwsCredentialIdentity> {
  let cached: Promise<AwsCredentialIdentity> | undefined;
  return (fresh) => {
    const c = cached;
    if (c && !fresh) {
      return c.then((v) => (v.expiration && v.expiration.getTime() - now() < REFRESH_BEFORE_MS ? (cached = provider()) : v));
    }
    const p = provider();
    cached = p;
    p.catch(() => cached === p && (cached = undefined));
    return p;
  };
}

export function createEventsHub(
  regions: readonly EventsRegion[],
  credentialsFor: (region: string) => AwsCredentialIdentityProvider,
  sign: typeof signEventsRequest,
  opts: { socket?: SocketFactory; now?: () => number } = {},
): EventsHub {
  const eventListeners = new Set<(event: IvsEvent, region: string, channel: string) => void>();
  const subscribedListeners = new Set<(region: string, channel: string) => void>();
  const stateListeners = new Set<() => void>();
  const now = opts.now ?? Date.now;
  const conns = new Map<string, EventsConnection>();
  for (const r of regions) {
    const creds = memoCredentials(credentialsFor(r.id), now);
    conns.set(
      r.id,
      createEventsConnection({
        region: r.id,
        realtimeEndpoint: r.realtimeEndpoint,
        httpEndpoint: r.httpEndpoint,
        credentials: creds,
        sign,
        onEvent: (e, ch) => eventListeners.forEach((l) => l(e, r.id, ch)),
        onSubscribed: (ch) => subscribedListeners.forEach((l) => l(r.id, ch)),
        onState: () => stateListeners.forEach((l) => l()),
        ...(opts.socket ? { socket: opts.socket } : {}),
        now,
      }),
    );
  }
  const listen = <T>(set: Set<T>, cb: T): (() => void) => {
    set.add(cb);
    return () => void set.delete(cb);
  };
  return {
    regions: regions.map((r) => r.id),
    setChannels: (region, channels) => conns.get(region)?.setChannels(channels),
    onEvent: (cb) => listen(eventListeners, cb),
    onSubscribed: (cb) => listen(subscribedListeners, cb),
    onState: (cb) => listen(stateListeners, cb),
    states: () => Object.fromEntries([...conns].map(([r, c]) => [r, c.state()])),
    counts: () => Object.fromEntries([...conns].map(([r, c]) => [r, c.counts()])),
    dropAll: () => conns.forEach((c) => c.drop()),
    probePublish: (region, channel) => conns.get(region)?.probePublish(channel) ?? Promise.resolve({ allowed: false, detail: 'no events endpoints for this region' }),
    stop: () => conns.forEach((c) => c.stop()),
  };
}
