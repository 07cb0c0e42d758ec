// Pushed stage events for the views: the socket hub (loaded only when config.json names events endpoints), the
// channels the visible views want, the merge into the query cache, the push state for the header, and the
// polling rate: slow reconciliation while every region's events arrive, the configured rate otherwise.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { ConnectionCounts, ConnectionState } from '../../aws/events/connection';
import type { EventsHub } from '../../aws/events/hub';
import { ALL_STAGES_CHANNEL, stageChannel } from '../../aws/events/protocol';
import type { PollKind } from '../../config/schema';
import { PollingContext } from '../polling';
import type { MergeCounts, MergeListener, Merger } from './merger';

export const DEFAULT_RECONCILE_MS = 60_000;

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

type PushContextValue = {
  configured: boolean;
  status: PushStatus;
  /** Ref-counted: the channels of one region a view wants while mounted. */
  register(region: string, channels: readonly string[]): () => void;
  listen(cb: MergeListener): () => void;
  snapshot(): PushSnapshot;
  probePublish(region: string): Promise<{ allowed: boolean; detail: string }>;
};

const EMPTY_COUNTS: MergeCounts = { received: 0, duplicates: 0, unplaced: 0, applied: 0, older: 0, sameSecond: 0, refetches: 0, refetchesDeferred: 0, resyncs: 0 };

const PushContext = createContext<PushContextValue | null>(null);

const RANK: Record<ConnectionState['kind'], number> = { live: 0, stopped: 1, connecting: 2, retrying: 3, refused: 4 };

export function aggregateStatus(states: Record<string, ConnectionState>): PushStatus {
  const worst = Object.entries(states).sort(([, a], [, b]) => RANK[b.kind] - RANK[a.kind])[0];
  if (!worst) return { kind: 'connecting' };
  const [region, s] = worst;
  switch (s.kind) {
    case 'live':
      return { kind: 'live' };
    case 'retrying':
      return { kind: 'retrying', at: s.at, why: s.why, region };
    case 'refused':
      return { kind: 'refused', why: s.why, region, ...(s.at !== undefined ? { at: s.at } : {}) };
    default:
      return { kind: 'connecting' };
  }
}

/** The intervals to poll at: no faster than the reconciliation rate while push is healthy. */
export function reconcileIntervals(base: Record<PollKind, number>, healthy: boolean, reconcileMs: number): Record<PollKind, number> {
  if (!healthy) return base;
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, Math.max(v, reconcileMs)])) as Record<PollKind, number>;
}

export function PushProvider({ reconcileMs = DEFAULT_RECONCILE_MS, children }: { reconcileMs?: number; children: ReactNode }): ReactNode {
  const aws = useAws();
  const qc = useQueryClient();
  const polling = use(PollingContext);
  const [hub, setHub] = useState<EventsHub>();
  const [failed, setFailed] = useState<string>();
  const [version, setVersion] = useState(0);
  const listeners = useRef(new Set<MergeListener>());
  const mergerRef = useRef<Merger | undefined>(undefined);
  const wanted = useRef(new Map<string, Map<string, number>>());
  const hubRef = useRef<EventsHub | undefined>(undefined);
  const configured = aws.events?.() !== undefined;

  const sync = useCallback((region: string) => {
    hubRef.current?.setChannels(region, [...(wanted.current.get(region)?.keys() ?? [])]);
  }, []);

  useEffect(() => {
    const loading = aws.events?.();
    if (!loading) return;
    let alive = true;
    const offs: (() => void)[] = [];
    // The merge code rides in the same on-demand chunk as the socket: a console without push never loads either.
    Promise.all([loading, import('./merger')]).then(
      ([h, { createMerger }]) => {
        if (!alive) return;
        const merger = createMerger(qc, (f, v) => listeners.current.forEach((l) => l(f, v)));
        mergerRef.current = merger;
        offs.push(() => merger.dispose());
        hubRef.current = h;
        offs.push(
          h.onEvent((e, region) => merger.handle(e, region)),
          h.onSubscribed((region, channel) => merger.resync(region, channel)),
          h.onState(() => setVersion((v) => v + 1)),
        );
        for (const region of h.regions) sync(region);
        setHub(h);
      },
      (e: unknown) => alive && setFailed(`the events client could not be loaded (${e instanceof Error ? e.message : String(e)})`),
    );
    return () => {
      alive = false;
      offs.forEach((off) => off());
      hubRef.current = undefined;
      mergerRef.current = undefined;
    };
  }, [aws, qc, sync]);

  const register = useCallback(
    (region: string, channels: readonly string[]) => {
      let m = wanted.current.get(region);
      if (!m) wanted.current.set(region, (m = new Map()));
      const mine = m;
      for (const ch of channels) mine.set(ch, (mine.get(ch) ?? 0) + 1);
      sync(region);
      return () => {
        for (const ch of channels) {
          const n = (mine.get(ch) ?? 0) - 1;
          if (n > 0) mine.set(ch, n);
          else mine.delete(ch);
        }
        sync(region);
      };
    },
    [sync],
  );
  const listen = useCallback((cb: MergeListener) => {
    listeners.current.add(cb);
    return () => void listeners.current.delete(cb);
  }, []);

  const status = useMemo(
    (): PushStatus => {
      void version; // the hub's states change in place; version counts those changes
      if (!configured) return { kind: 'not-configured' };
      if (failed) return { kind: 'failed', why: failed };
      return hub ? aggregateStatus(hub.states()) : { kind: 'connecting' };
    },
    [configured, failed, hub, version],
  );
  // Slow polling only when every region's events arrive: a region without events endpoints still needs full polling.
  const healthy = status.kind === 'live' && hub !== undefined && hub.regions.length === aws.regions.length;

  const snapshot = useCallback(
    (): PushSnapshot => ({
      status,
      regions: hubRef.current?.states() ?? {},
      connections: hubRef.current?.counts() ?? {},
      merge: mergerRef.current?.counts() ?? EMPTY_COUNTS,
    }),
    [status],
  );
  const probePublish = useCallback(
    (region: string) => hubRef.current?.probePublish(region) ?? Promise.resolve({ allowed: false, detail: 'the events client is not loaded' }),
    [],
  );
  const value = useMemo(() => ({ configured, status, register, listen, snapshot, probePublish }), [configured, status, register, listen, snapshot, probePublish]);
  const pollingValue = useMemo(
    () => (polling ? { ...polling, intervals: reconcileIntervals(polling.intervals, healthy, reconcileMs) } : null),
    [polling, healthy, reconcileMs],
  );
  return (
    <PushContext value={value}>
      {pollingValue ? <PollingContext value={pollingValue}>{children}</PollingContext> : children}
    </PushContext>
  );
}

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
