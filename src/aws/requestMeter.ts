// Counts the IVS and CloudWatch requests this tab sends, per operation and region, with timestamps (and for
// GetMetricData the metrics each asks for, which is what CloudWatch bills), for the polling budget's diagnostics.
// Attached to every client as an SDK middleware in the `finalizeRequest` step, after the retry middleware, so each
// attempt on the wire counts once, retries included.
import type { IVSRealTimeClient } from '@aws-sdk/client-ivs-realtime';

export type MeteredService = 'ivs' | 'cloudwatch';
export type RequestSample = { operation: string; region: string; at: number; service?: MeteredService; metrics?: number };

/** How long samples are kept: the diagnostics panel and the bench look at the last minute. */
const KEEP_MS = 5 * 60_000;
const samples: RequestSample[] = [];
const listeners = new Set<() => void>();
let version = 0;

export function recordRequest(operation: string, region: string, at = Date.now(), extra: { service?: MeteredService; metrics?: number } = {}): void {
  samples.push({ operation, region, at, ...extra });
  // Drop old samples in batches, so recording stays O(1) amortised.
  if (samples.length > 512 && (samples[0] as RequestSample).at < at - KEEP_MS) {
    const firstKept = samples.findIndex((s) => s.at >= at - KEEP_MS);
    samples.splice(0, firstKept < 0 ? samples.length : firstKept);
  }
  version += 1;
  listeners.forEach((l) => l());
}

/** Samples at or after `since` (epoch ms). */
export function requestsSince(since: number): RequestSample[] {
  return samples.filter((s) => s.at >= since);
}

export type OperationRate = { operation: string; region: string; count: number; perMinute: number };

/** Requests per operation and region over the last `windowMs`, scaled to a minute (IVS only unless `service`). */
export function ratesOver(windowMs: number, now = Date.now(), service: MeteredService = 'ivs'): OperationRate[] {
  const counts = new Map<string, OperationRate>();
  for (const s of requestsSince(now - windowMs)) {
    if ((s.service ?? 'ivs') !== service) continue;
    const key = `${s.region}|${s.operation}`;
    const r = counts.get(key) ?? { operation: s.operation, region: s.region, count: 0, perMinute: 0 };
    r.count += 1;
    counts.set(key, r);
  }
  return [...counts.values()]
    .map((r) => ({ ...r, perMinute: (r.count * 60_000) / windowMs }))
    .sort((a, b) => a.region.localeCompare(b.region) || a.operation.localeCompare(b.operation));
}

export function subscribeRequests(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export const requestVersion = (): number => version;

/** Adds the meter to a client (one line where the client is created). */
export function meterRequests(client: Pick<IVSRealTimeClient, 'middlewareStack'>, region: string): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      recordRequest(typeof context.commandName === 'string' ? context.commandName.replace(/Command$/, '') : 'unknown', region);
      return next(args);
    },
    { step: 'finalizeRequest', name: 'greenroomRequestMeter', priority: 'low' },
  );
}

// The bench and e2e tests read the meter from the page; it holds operation names and times only, no data.
declare global {
  interface Window {
    __greenroomRequests?: { since: (t: number) => RequestSample[] };
  }
}
// Through globalThis: the CloudWatch client (and so this file) is also compiled for Node by the emulator's tests.
(globalThis as { __greenroomRequests?: Window['__greenroomRequests'] }).__greenroomRequests = { since: requestsSince };
