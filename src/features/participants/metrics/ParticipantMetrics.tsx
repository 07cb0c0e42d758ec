// The participant's CloudWatch metrics over a chosen range: what it publishes (bitrate, resolution, framerate) and,
// while it also subscribes, what it receives; its events marked on the time axis, one cursor across the charts, each
// chart's numbers as a table and a link to the same query in the CloudWatch console. Loaded lazily with uPlot and
// the CloudWatch client.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import { cloudWatchConsoleUrl, type MetricIdentity, type MetricSeries } from '../../../aws/cloudwatch';
import type { Participant, ParticipantEvent, ParticipantKey, Region } from '../../../aws/types';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { EmptyState, Loading } from '../../../components/Loading';
import { MarkerLegend, MetricChart, type ChartMarker } from '../../../components/MetricChart';
import { MetricRangePicker } from '../../../components/MetricRangePicker';
import { cloudWatchRefreshMs, useCloudWatchRefresh } from '../../../query/cloudwatchBudget';
import { useNow } from '../../../query/polling';
import { describePeriod, resolveWindow, type MetricRange, type SessionSpan } from '../../../query/metricsRange';
import { participantQueries } from '../queries';
import { metricsQueries, type PlannedQuery } from './metricsQueries';
import { sdkSupport } from './sdkSupport';
import { formatTime } from '../../../query/time';

type ChartSpec = { metric: string; title: string; unit: string; stat: string; format: (v: number) => string };

const kbps = (v: number) => (v / 1000).toFixed(0);
const CHARTS: ChartSpec[] = [
  { metric: 'PublishBitrate', title: 'Publish bitrate', unit: 'kbit/s', stat: 'Average', format: kbps },
  { metric: 'PublishResolution', title: 'Publish resolution', unit: 'pixels, shorter side', stat: 'Minimum', format: (v) => v.toFixed(0) },
  { metric: 'PublishFramerate', title: 'Publish framerate', unit: 'frames/s', stat: 'Average', format: (v) => v.toFixed(1) },
  { metric: 'SubscribeBitrate', title: 'Subscribe bitrate', unit: 'kbit/s', stat: 'Average', format: kbps },
  { metric: 'DownloadPacketLoss', title: 'Download packet loss', unit: '%', stat: 'Average', format: (v) => v.toFixed(2) },
  { metric: 'DroppedFrames', title: 'Dropped frames', unit: '%', stat: 'Average', format: (v) => v.toFixed(2) },
];

/** The events worth a line on the time axis: joining and leaving, publishing starting and stopping, and every error. */
const MARKED = new Set(['JOINED', 'LEFT', 'PUBLISH_STARTED', 'PUBLISH_STOPPED']);
/** CloudWatch has a new metric about a minute after it happens (and ListMetrics may lag more). */
const ARRIVAL_MS = 2 * 60_000;
/** ListMetrics lists only metrics with data in the last two weeks. */
const LIST_WINDOW_MS = 14 * 24 * 3_600_000;

/** A series' name from the dimensions beyond Stage and Participant ("video hi", "audio"). */
function labelOf(m: MetricIdentity): string {
  const extra = m.dimensions.filter((d) => d.name !== 'Stage' && d.name !== 'Participant');
  const media = extra.find((d) => d.name === 'MediaType')?.value;
  const layer = extra.find((d) => d.name === 'SimulcastLayer')?.value;
  return [media, layer && layer !== 'none' ? layer : undefined].filter(Boolean).join(' ') || 'all';
}

const timeOf = (iso: string | undefined): number | undefined => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? undefined : t;
};

/** The participant's stay in the session: from its first join to its last LEFT, or still running. */
export function participantSpan(p: Participant | undefined, events: ParticipantEvent[] | undefined): SessionSpan | undefined {
  const joins = (events ?? []).filter((e) => e.name === 'JOINED').map((e) => timeOf(e.eventTime)).filter((t): t is number => t !== undefined);
  const start = timeOf(p?.firstJoinTime) ?? (joins.length ? Math.min(...joins) : undefined);
  if (start === undefined) return undefined;
  if (p?.state !== 'DISCONNECTED') return { start };
  const lefts = (events ?? []).filter((e) => e.name === 'LEFT').map((e) => timeOf(e.eventTime)).filter((t): t is number => t !== undefined);
  return lefts.length ? { start, end: Math.max(...lefts) } : { start };
}

export function eventMarkers(events: ParticipantEvent[] | undefined): ChartMarker[] {
  return (events ?? [])
    .filter((e) => MARKED.has(e.name) || e.errorCode)
    .flatMap((e): ChartMarker[] => {
      const t = timeOf(e.eventTime);
      if (t === undefined) return [];
      return [{ t, label: e.errorCode ? `${e.name} (${e.errorCode})` : e.name, tone: e.errorCode ? 'bad' : e.name.startsWith('PUBLISH') ? 'info' : 'neutral' }];
    })
    .sort((a, b) => a.t - b.t);
}

function NoMetrics({ participant, events, now }: { participant: Participant | undefined; events: ParticipantEvent[] | undefined; now: number }): ReactNode {
  const support = participant ? sdkSupport(participant) : { kind: 'unknown' as const };
  if (support.kind === 'too-old') {
    return (
      <EmptyState>
        No metrics: this participant uses the {support.platform} broadcast SDK {support.version}, and CloudWatch metrics come only from {support.platform} SDK{' '}
        {support.minimum} and later. Its events below still tell its story.
      </EmptyState>
    );
  }
  const published = (events ?? []).filter((e) => e.name === 'PUBLISH_STARTED').map((e) => timeOf(e.eventTime) ?? 0);
  const firstPublish = published.length ? Math.min(...published) : undefined;
  const maybe =
    support.kind === 'maybe'
      ? ` Its ${support.platform} SDK ${support.version} may be too old to report: AWS's documentation names both ${support.documented} and ${support.minimum} as the first version that does.`
      : '';
  if (firstPublish === undefined && !participant?.published) {
    return <EmptyState>No metrics yet. CloudWatch reports a participant only while it publishes, with Web Broadcast SDK 1.5.2 or later.{maybe}</EmptyState>;
  }
  if (firstPublish !== undefined && now - firstPublish < ARRIVAL_MS) {
    return <EmptyState>No metrics yet: it started publishing moments ago, and CloudWatch lists a participant&apos;s metrics a minute or two after they start.{maybe}</EmptyState>;
  }
  if (firstPublish !== undefined && now - firstPublish > LIST_WINDOW_MS) {
    return <EmptyState>No metrics listed: CloudWatch lists only metrics with data in the last two weeks, and this participant published before that.</EmptyState>;
  }
  return <EmptyState>CloudWatch lists no metrics for this participant although it published.{maybe}</EmptyState>;
}

export function ParticipantMetrics({ region, participantKey: key }: { region: Region; participantKey: ParticipantKey }): ReactNode {
  const aws = useAws();
  // The page polls these two; the charts read the same cache.
  const detail = useQuery(participantQueries.detail(aws, region, key));
  const events = useQuery(participantQueries.events(aws, region, key));
  const [range, setRange] = useState<MetricRange>({ kind: '15m' });
  const span = participantSpan(detail.data, events.data);
  const now = useNow();

  // Two calls a refresh while the range ends now: ListMetrics (a participant that starts publishing gets new
  // series) and GetMetricData. Whether it ends now does not depend on how many metrics it reads.
  const canRefresh = useCloudWatchRefresh(0, 0) !== false;
  const first = resolveWindow(range, now, span);
  const liveNow = first.kind === 'ok' && first.window.live;
  const listed = useQuery({
    ...metricsQueries.list(aws, region, key),
    refetchInterval: (q) => (liveNow && canRefresh ? cloudWatchRefreshMs(2, q.state.data?.length ?? 0) : false),
  });
  const metrics = (listed.data ?? []).filter((m) => !(m.metricName === 'PublishFramerate' && m.dimensions.length > 2));
  const planned: (PlannedQuery & { chart: string })[] = [];
  for (const spec of CHARTS) {
    for (const m of metrics.filter((x) => x.metricName === spec.metric)) {
      planned.push({ id: `m${planned.length}`, metric: m, stat: spec.stat, label: labelOf(m), chart: spec.metric });
    }
  }
  const resolved = resolveWindow(range, now, span, Math.max(1, planned.length));
  const refreshMs = cloudWatchRefreshMs(2, planned.length);
  const refresh = canRefresh ? refreshMs : false;
  const data = useQuery({
    ...metricsQueries.data(
      aws,
      region,
      key,
      planned.map(({ chart: _c, ...q }) => q),
      range,
      span,
    ),
    enabled: planned.length > 0 && resolved.kind === 'ok',
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.window.live ? refresh : false),
  });

  let body: ReactNode;
  if (resolved.kind === 'outside-retention') {
    body = (
      <EmptyState>
        This range is outside CloudWatch&apos;s retention: it keeps a metric for at most 455 days (at one-hour points), so nothing before{' '}
        {formatTime(resolved.oldest)} can be shown.
      </EmptyState>
    );
  } else if (resolved.kind === 'no-session') {
    body = <Loading label="Loading the participant's join time" />;
  } else if (listed.isError) body = <ErrorPanel error={listed.error} onRetry={() => void listed.refetch()} title="Metrics could not be listed" />;
  else if (!listed.data) body = <Loading label="Loading metrics" />;
  else if (planned.length === 0) body = <NoMetrics participant={detail.data} events={events.data} now={now} />;
  else if (data.isError && !data.data) body = <ErrorPanel error={data.error} onRetry={() => void data.refetch()} title="Metrics could not be loaded" />;
  else if (!data.data) body = <Loading label="Loading metrics" />;
  else {
    const { window, data: result } = data.data;
    const byId = new Map<string, MetricSeries>(result.series.map((s) => [s.id, s]));
    const markers = eventMarkers(events.data).filter((m) => m.t >= window.start && m.t < window.end);
    const empty = result.series.every((s) => s.points.length === 0);
    body = (
      <>
        <p className="muted metric-window" data-start={window.start} data-end={window.end} data-period={window.periodS}>
          {formatTime(window.start)} – {window.live ? 'now' : formatTime(window.end)}, {describePeriod(window.periodS)}
          {window.live ? (refresh ? `, refreshed every ${Math.round(refreshMs / 1000)} s` : ', refresh paused') : ''}.
        </p>
        {window.note ? <p className="banner banner-info">{window.note}</p> : null}
        {result.messages.map((m) => (
          <p key={m} className="banner banner-stale">
            {m}
          </p>
        ))}
        {data.isPlaceholderData ? <Loading label="Loading the new range" /> : null}
        {data.isRefetchError ? <ErrorPanel error={data.error} onRetry={() => void data.refetch()} title="The latest refresh failed; the charts show the previous numbers" /> : null}
        {empty ? <EmptyState>CloudWatch has no data for this participant in this range: it was not publishing then.</EmptyState> : null}
        <MarkerLegend markers={markers} />
        <div className="metric-charts">
          {empty
            ? null
            : CHARTS.map((spec) => {
                const mine = planned.filter((q) => q.chart === spec.metric);
                const series = mine.map((q) => byId.get(q.id)).filter((s): s is MetricSeries => s !== undefined);
                if (series.length === 0) return null;
                return (
                  <div key={spec.metric}>
                    <MetricChart
                      title={spec.title}
                      unit={spec.unit}
                      series={series}
                      format={spec.format}
                      range={window}
                      syncKey={`participant:${key.stageArn}:${key.participantId}`}
                      markers={markers}
                    />
                    <a
                      className="console-link"
                      href={cloudWatchConsoleUrl({
                        region,
                        periodS: window.periodS,
                        start: window.start,
                        end: window.end,
                        title: spec.title,
                        metrics: mine.map((q) => ({ metric: q.metric, stat: q.stat, ...(q.label ? { label: q.label } : {}) })),
                      })}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      Open {spec.title} in the CloudWatch console
                    </a>
                  </div>
                );
              })}
        </div>
      </>
    );
  }
  return (
    <section aria-labelledby="metrics-title" className="participant-metrics">
      <h2 id="metrics-title">Metrics</h2>
      <MetricRangePicker
        value={range}
        onChange={setRange}
        sessionLabel="Whole session"
        suggest={resolved.kind === 'ok' ? resolved.window : { start: now - 3_600_000, end: now }}
      />
      {body}
    </section>
  );
}
