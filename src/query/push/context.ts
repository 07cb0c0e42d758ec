// The push context the views and the header read: channels to subscribe, facts as they arrive, and the push
// state. The provider behind it (./PushProvider.tsx, with the socket client) is loaded only when config.json names
// events endpoints; without it every hook here is a no-op and the state is "not configured".
import { createContext, use, useEffect, useRef } from 'react';
import type { ConnectionCounts, ConnectionState } from '../../aws/events/connection';
import { ALL_STAGES_CHANNEL, EVENTS_NAMESPACE, stageChannel } from '../../aws/events/channels';

/** Where the publish-permission check tries its one event (nobody subscribes to it). */
export const PROBE_CHANNEL = `/${EVENTS_NAMESPACE}/probe`;
import type { MergeCounts, MergeListener } from './merger';

/** The console's push state as one value: the worst of its regions. */
export type PushStatus =
  | { kind: 'not-configured' }
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'retrying'; at: number; why: string; region: string }
  | { kind: 'refused'; why: string; at?: number; region: string }
  | { kind: 'failed'; why: string };

export type PushSnapshot = {
  status: PushStatus;
  regions: Record<string, ConnectionState>;
  connections: Record<string, ConnectionCounts>;
  merge: MergeCounts;
};

export type PushContextValue = {
  configured: boolean;
  status: PushStatus;
  /** Ref-counted: the channels of one region a view wants while mounted. */
  register(region: string, channels: readonly string[]): () => void;
  listen(cb: MergeListener): () => void;
  snapshot(): PushSnapshot;
  probePublish(region: string): Promise<{ allowed: boolean; detail: string }>;
};

export const EMPTY_COUNTS: MergeCounts = { received: 0, duplicates: 0, unplaced: 0, applied: 0, older: 0, sameSecond: 0, refetches: 0, refetchesDeferred: 0, resyncs: 0 };

export const PushContext = createContext<PushContextValue | null>(null);

/** Keeps these channels of `region` subscribed while the calling view is mounted (no-op without push). */
export function usePushChannels(region: string, channels: readonly (string | undefined)[]): void {
  const ctx = use(PushContext);
  const list = channels.filter((c): c is string => c !== undefined).join(' ');
  const register = ctx?.register;
  useEffect(() => (register && list ? register(region, list.split(' ')) : undefined), [register, region, list]);
}

/** Pushed events of one stage while the calling view shows it. */
export function useStagePush(region: string, stageArn: string): void {
  usePushChannels(region, [stageChannel(stageArn)]);
}

/** Pushed events of every stage of these regions while the calling view shows them. */
export function useAllStagesPush(regions: readonly string[]): void {
  const ctx = use(PushContext);
  const register = ctx?.register;
  const key = regions.join(' ');
  useEffect(() => {
    if (!register || !key) return undefined;
    const offs = key.split(' ').map((r) => register(r, [ALL_STAGES_CHANNEL]));
    return () => offs.forEach((off) => off());
  }, [register, key]);
}

/** Every new (non-duplicate) fact, with how its time compares with what the cache knew. */
export function usePushFacts(cb: MergeListener): void {
  const ctx = use(PushContext);
  const ref = useRef(cb);
  useEffect(() => {
    ref.current = cb;
  });
  const listen = ctx?.listen;
  useEffect(() => listen?.((f, v) => ref.current(f, v)), [listen]);
}

type PushStatusView = {
  configured: boolean;
  status: PushStatus;
  snapshot: () => PushSnapshot | undefined;
  probePublish: (region: string) => Promise<{ allowed: boolean; detail: string }>;
};

export function usePushStatus(): PushStatusView {
  const ctx = use(PushContext);
  return ctx
    ? { configured: ctx.configured, status: ctx.status, snapshot: ctx.snapshot, probePublish: ctx.probePublish }
    : { configured: false, status: { kind: 'not-configured' }, snapshot: () => undefined, probePublish: () => Promise.resolve({ allowed: false, detail: 'push is not configured' }) };
}

/** The header's words for a push state ("Live (push)" or "Polling only — why"). */
export function pushStatusText(s: PushStatus, now: number): string {
  switch (s.kind) {
    case 'live':
      return 'Live (push)';
    case 'not-configured':
      return 'Polling only — not configured';
    case 'connecting':
      return 'Polling only — connecting';
    case 'retrying':
      return `Polling only — disconnected, retrying in ${Math.max(0, Math.ceil((s.at - now) / 1000))} s`;
    case 'refused':
      return `Polling only — refused${s.at !== undefined ? `, retrying in ${Math.max(0, Math.ceil((s.at - now) / 1000))} s` : ''}`;
    case 'failed':
      return 'Polling only — events client failed to load';
  }
}
