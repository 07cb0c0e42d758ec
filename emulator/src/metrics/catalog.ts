// The AWS/IVSRealTime metrics of one account and region, derived from the emulator's own stages, sessions and
// participants: counts from who joined, published and subscribed when (their events), quality from each
// publisher's simulated link (quality.ts). Nothing is stored: every query recomputes from the records, so metrics
// follow the state exactly, survive restarts with the data file, and move with the semantic clock.
import type { RegionBackend } from '../state/backend.ts';
import type { ParticipantRecord, SessionRecord } from '../state/records.ts';
import {
  downloadPacketLoss,
  droppedFrames,
  isRtmp,
  layersOf,
  publishBitrate,
  publishFramerate,
  publishResolution,
  reportsMetrics,
  SAMPLE_MS,
  type Layer,
  type MediaType,
} from './quality.ts';

export const IVS_NAMESPACE = 'AWS/IVSRealTime';

export type Dimension = { Name: string; Value: string };
/** [from, to): sorted and disjoint wherever a list of them is kept. */
export type Interval = [number, number];

export type MetricSeries = {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  unit: 'Count' | 'Bits/Second' | 'Percent' | 'Count/Second';
  /** When samples exist. */
  active: Interval[];
  /** The sample at a grid time inside `active`. */
  value(t: number): number;
};

/** Canonical key of a metric identity: dimensions are a set, so their order does not matter. */
export function metricKey(namespace: string, metricName: string, dimensions: readonly Dimension[]): string {
  const dims = dimensions.map((d) => `${d.Name}\u0000${d.Value}`).sort();
  return [namespace, metricName, ...dims].join('\u0001');
}

/** The intervals between a start event and its stop event (open ones end at `end`). */
function spans(p: ParticipantRecord, start: string, stop: string, end: number, remote?: string): Interval[] {
  const out: Interval[] = [];
  let from: number | undefined;
  for (const e of p.events) {
    if (remote !== undefined && e.remoteParticipantId !== remote) continue;
    if (e.name === start && from === undefined) from = e.eventTime;
    else if (e.name === stop && from !== undefined) {
      if (e.eventTime > from) out.push([from, e.eventTime]);
      from = undefined;
    }
  }
  if (from !== undefined && end > from) out.push([from, end]);
  return out;
}

/** Union of intervals (sorted, merged). */
export function union(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function intersect(x: Interval[], y: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = Math.max(x[i][0], y[j][0]);
    const b = Math.min(x[i][1], y[j][1]);
    if (a < b) out.push([a, b]);
    if (x[i][1] < y[j][1]) i += 1;
    else j += 1;
  }
  return out;
}

export const contains = (list: readonly Interval[], t: number): boolean => list.some(([a, b]) => t >= a && t < b);

/** How many of the intervals contain t, answered by binary search over their sorted change points. */
function counter(list: Interval[]): (t: number) => number {
  const changes = list.flatMap(([a, b]): [number, number][] => [[a, 1], [b, -1]]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const times = changes.map((c) => c[0]);
  const running: number[] = [];
  let n = 0;
  for (const [, d] of changes) running.push((n += d));
  return (t) => {
    let lo = 0;
    let hi = times.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] <= t) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at < 0 ? 0 : running[at];
  };
}

const dims = (pairs: [string, string][]): Dimension[] => pairs.map(([Name, Value]) => ({ Name, Value }));

type Activity = { p: ParticipantRecord; publishing: Interval[]; subscribing: Interval[]; subscriptions: Map<string, Interval[]> };

function activityOf(session: SessionRecord, now: number): Activity[] {
  const end = session.endTime ?? now;
  return session.participants.map((p) => {
    const subscriptions = new Map<string, Interval[]>();
    for (const e of p.events) {
      if (e.name === 'SUBSCRIBE_STARTED' && e.remoteParticipantId && !subscriptions.has(e.remoteParticipantId)) {
        subscriptions.set(e.remoteParticipantId, spans(p, 'SUBSCRIBE_STARTED', 'SUBSCRIBE_STOPPED', end, e.remoteParticipantId));
      }
    }
    return {
      p,
      publishing: spans(p, 'PUBLISH_STARTED', 'PUBLISH_STOPPED', end),
      subscribing: union([...subscriptions.values()].flat()),
      subscriptions,
    };
  });
}

/** Every metric of the backend's stages up to `now`, with its samples. */
export function catalog(backend: RegionBackend, now: number): MetricSeries[] {
  const out: MetricSeries[] = [];
  const regionActive: Interval[] = [];
  const regionPublishing: Interval[] = [];
  const regionSubscriptions: Interval[] = [];
  for (const stage of backend.stages.values()) {
    const sessions = stage.sessionIds.map((id) => backend.sessions.get(id)).filter((s): s is SessionRecord => s !== undefined);
    if (sessions.length === 0) continue;
    const stageActive = union(sessions.map((s): Interval => [s.startTime, s.endTime ?? now]).filter(([a, b]) => b > a));
    const publishing: Interval[] = [];
    const subscribing: Interval[] = [];
    for (const session of sessions) {
      const acts = activityOf(session, now);
      const byId = new Map(acts.map((a) => [a.p.participantId, a]));
      for (const a of acts) {
        publishing.push(...a.publishing);
        subscribing.push(...a.subscribing);
        for (const list of a.subscriptions.values()) regionSubscriptions.push(...list);
        // The stage counts everyone; a participant's own series need a client that reports them.
        if (a.publishing.length > 0 && reportsMetrics(a.p)) out.push(...participantSeries(stage.id, a, byId));
      }
    }
    regionActive.push(...stageActive);
    regionPublishing.push(...publishing);
    const stageDims = dims([['Stage', stage.id]]);
    out.push({ namespace: IVS_NAMESPACE, metricName: 'Publishers', dimensions: stageDims, unit: 'Count', active: stageActive, value: counter(publishing) });
    out.push({ namespace: IVS_NAMESPACE, metricName: 'Subscribers', dimensions: stageDims, unit: 'Count', active: stageActive, value: counter(subscribing) });
  }
  if (regionActive.length > 0) {
    const active = union(regionActive);
    out.push({ namespace: IVS_NAMESPACE, metricName: 'ConcurrentPublishers', dimensions: [], unit: 'Count', active, value: counter(regionPublishing) });
    out.push({ namespace: IVS_NAMESPACE, metricName: 'ConcurrentSubscriptions', dimensions: [], unit: 'Count', active, value: counter(regionSubscriptions) });
  }
  return out;
}

/** The per-participant metrics, with the dimension sets AWS documents for them. */
function participantSeries(stageId: string, a: Activity, all: Map<string, Activity>): MetricSeries[] {
  const { p } = a;
  const out: MetricSeries[] = [];
  const base: [string, string][] = [['Stage', stageId], ['Participant', p.participantId]];
  const layered = (layer: Layer, media: MediaType) => dims([...base, ['SimulcastLayer', layer], ['MediaType', media]]);
  const publishing = a.publishing;
  for (const layer of layersOf(p)) {
    out.push({ namespace: IVS_NAMESPACE, metricName: 'PublishBitrate', dimensions: layered(layer, 'video'), unit: 'Bits/Second', active: publishing, value: (t) => publishBitrate(p, layer, 'video', t) });
    out.push({ namespace: IVS_NAMESPACE, metricName: 'PublishResolution', dimensions: layered(layer, 'video'), unit: 'Count', active: publishing, value: (t) => publishResolution(p, layer, t) });
  }
  out.push({ namespace: IVS_NAMESPACE, metricName: 'PublishBitrate', dimensions: layered('none', 'audio'), unit: 'Bits/Second', active: publishing, value: (t) => publishBitrate(p, 'none', 'audio', t) });
  // AWS documents PublishFramerate for RTMP publishers only.
  if (isRtmp(p)) {
    const fps = (t: number) => publishFramerate(p, t);
    out.push({ namespace: IVS_NAMESPACE, metricName: 'PublishFramerate', dimensions: dims(base), unit: 'Count/Second', active: publishing, value: fps });
    out.push({ namespace: IVS_NAMESPACE, metricName: 'PublishFramerate', dimensions: layered('none', 'video'), unit: 'Count/Second', active: publishing, value: fps });
  }
  // The per-participant subscribe metrics exist only while the subscriber also publishes.
  const both = intersect(publishing, a.subscribing);
  if (both.length === 0) return out;
  const received = (media: MediaType) => (t: number) => {
    let sum = 0;
    for (const [remoteId, list] of a.subscriptions) {
      const remote = all.get(remoteId);
      if (!remote || !contains(list, t) || !contains(remote.publishing, t)) continue;
      // A subscriber receives one layer of a simulcast publisher: the top one while its own link is fine.
      sum += publishBitrate(remote.p, media === 'video' ? (layersOf(remote.p)[0] as Layer) : 'none', media, t);
    }
    return sum;
  };
  for (const media of ['video', 'audio'] as const) {
    out.push({ namespace: IVS_NAMESPACE, metricName: 'SubscribeBitrate', dimensions: dims([...base, ['MediaType', media]]), unit: 'Bits/Second', active: both, value: received(media) });
  }
  out.push({ namespace: IVS_NAMESPACE, metricName: 'DownloadPacketLoss', dimensions: dims(base), unit: 'Percent', active: both, value: (t) => downloadPacketLoss(p, t) });
  out.push({ namespace: IVS_NAMESPACE, metricName: 'DroppedFrames', dimensions: dims(base), unit: 'Percent', active: both, value: (t) => droppedFrames(p, t) });
  return out;
}

/** Sample times of a series in [from, to): the grid instants inside its active intervals. */
export function sampleTimes(series: MetricSeries, from: number, to: number): number[] {
  const out: number[] = [];
  for (const [a, b] of series.active) {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    for (let t = Math.ceil(lo / SAMPLE_MS) * SAMPLE_MS; t < hi; t += SAMPLE_MS) out.push(t);
  }
  return out;
}

/** When the series last had a sample (for ListMetrics' two-week window and RecentlyActive). */
export const lastActive = (series: MetricSeries): number => series.active.reduce((m, [, b]) => Math.max(m, b), 0);
