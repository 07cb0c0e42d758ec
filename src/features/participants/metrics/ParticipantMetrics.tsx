// The participant's CloudWatch metrics over the last 15 minutes: what it publishes (bitrate, resolution, framerate)
// and, while it also subscribes, what it receives. Loaded lazily with uPlot and the CloudWatch client.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import type { MetricIdentity, MetricQuery, MetricSeries } from '../../../aws/cloudwatch';
import type { ParticipantKey, Region } from '../../../aws/types';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { EmptyState, Loading } from '../../../components/Loading';
import { MetricChart } from './MetricChart';
import { METRICS_PERIOD_S, METRICS_REFRESH_MS, METRICS_WINDOW_MS, metricsQueries } from './metricsQueries';

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

/** A series' name from the dimensions beyond Stage and Participant ("video hi", "audio"). */
function labelOf(m: MetricIdentity): string {
  const extra = m.dimensions.filter((d) => d.name !== 'Stage' && d.name !== 'Participant');
  const media = extra.find((d) => d.name === 'MediaType')?.value;
  const layer = extra.find((d) => d.name === 'SimulcastLayer')?.value;
  return [media, layer && layer !== 'none' ? layer : undefined].filter(Boolean).join(' ') || 'all';
}

export function ParticipantMetrics({ region, participantKey: key }: { region: Region; participantKey: ParticipantKey }): ReactNode {
  const aws = useAws();
  const step = METRICS_PERIOD_S * 1000;
  const [end, setEnd] = useState(() => Math.floor(Date.now() / step) * step + step);
  useEffect(() => {
    // A hidden tab moves no window: a new window is a new query, which would fetch even in the background.
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setEnd(Math.floor(Date.now() / step) * step + step);
    }, METRICS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [step]);

  const listed = useQuery({ ...metricsQueries.list(aws, region, key), refetchInterval: METRICS_REFRESH_MS });
  const metrics = (listed.data ?? []).filter((m) => !(m.metricName === 'PublishFramerate' && m.dimensions.length > 2));
  const queries: (MetricQuery & { chart: string })[] = [];
  for (const spec of CHARTS) {
    for (const m of metrics.filter((x) => x.metricName === spec.metric)) {
      queries.push({ id: `m${queries.length}`, metric: m, period: METRICS_PERIOD_S, stat: spec.stat, label: labelOf(m), chart: spec.metric });
    }
  }
  const request = { queries: queries.map(({ chart: _c, ...q }) => q), startTime: end - METRICS_WINDOW_MS, endTime: end };
  const data = useQuery({ ...metricsQueries.data(aws, region, request), enabled: queries.length > 0, placeholderData: keepPreviousData });

  let body: ReactNode;
  if (listed.isError) body = <ErrorPanel error={listed.error} onRetry={() => void listed.refetch()} title="Metrics could not be listed" />;
  else if (!listed.data) body = <Loading label="Loading metrics" />;
  else if (queries.length === 0) {
    body = <EmptyState>No metrics yet. CloudWatch reports a participant only while it publishes, with Web Broadcast SDK 1.5.2 or later.</EmptyState>;
  } else if (data.isError) body = <ErrorPanel error={data.error} onRetry={() => void data.refetch()} title="Metrics could not be loaded" />;
  else if (!data.data) body = <Loading label="Loading metrics" />;
  else {
    const byId = new Map<string, MetricSeries>(data.data.series.map((s) => [s.id, s]));
    body = CHARTS.map((spec) => {
      const series = queries.filter((q) => q.chart === spec.metric).map((q) => byId.get(q.id)).filter((s): s is MetricSeries => s !== undefined);
      if (series.length === 0) return null;
      return <MetricChart key={spec.metric} title={spec.title} unit={spec.unit} series={series} format={spec.format} />;
    });
  }
  return (
    <section aria-labelledby="metrics-title" className="participant-metrics">
      <h2 id="metrics-title">Metrics (last 15 minutes)</h2>
      {body}
    </section>
  );
}
