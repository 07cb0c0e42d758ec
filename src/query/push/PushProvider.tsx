// Pushed stage events for the views: the socket hub (loaded only when config.json names events endpoints), the
// channels the visible views want, the merge into the query cache, the push state for the header, and the
// polling rate: slow reconciliation while every region's events arrive, the configured rate otherwise.
import { useQueryClient } from '@tanstack/react-query';
import { use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AwsLayer } from '../../aws/awsLayer';
import type { ConnectionState } from '../../aws/events/connection';
import type { EventsHub } from '../../aws/events/hub';
import type { PollKind } from '../../config/schema';
import { PollingContext } from '../polling';
import { createMerger, type MergeListener, type Merger } from './merger';
import { EMPTY_COUNTS, PROBE_CHANNEL, PushContext, type PushSnapshot, type PushStatus } from './context';

export const DEFAULT_RECONCILE_MS = 60_000;

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

export function PushProvider({ aws, reconcileMs = DEFAULT_RECONCILE_MS, children }: { aws: AwsLayer; reconcileMs?: number; children: ReactNode }): ReactNode {
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
    loading.then(
      (h) => {
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
    (region: string) => hubRef.current?.probePublish(region, PROBE_CHANNEL) ?? Promise.resolve({ allowed: false, detail: 'the events client is not loaded' }),
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

