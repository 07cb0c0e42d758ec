// The CloudWatch SDK client, kept out of the first visit's JavaScript: awsLayer.ts loads this module with a
// dynamic import the first time a view asks for metrics, so it and @aws-sdk/client-cloudwatch form their own chunk.
import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand, type GetMetricDataCommandInput, type ListMetricsCommandInput } from '@aws-sdk/client-cloudwatch';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { RegionConfig } from '../../config/schema';
import { recordRequest } from '../requestMeter';
import type { MetricData, MetricIdentity, MetricRequest, MetricSeries, MetricStatus } from './types';

export type CloudWatchPort = {
  getMetricData(request: MetricRequest, signal?: AbortSignal): Promise<MetricData>;
  listMetrics(filter: MetricFilter, signal?: AbortSignal): Promise<MetricIdentity[]>;
  destroy(): void;
};

/** ListMetrics filters: exact namespace and name; a dimension filter without a value matches any value. */
export type MetricFilter = { namespace?: string; metricName?: string; dimensions?: { name: string; value?: string }[] };

/** Pages of one GetMetricData are followed up to this many calls; a view asking for more is asking for too much. */
export const MAX_METRIC_PAGES = 20;

const STATUSES: ReadonlySet<string> = new Set(['Complete', 'PartialData', 'InternalError', 'Forbidden']);

export function createCloudWatch(
  rc: RegionConfig,
  credentials: AwsCredentialIdentityProvider,
  settings: { maxAttempts: number; retryMode: string; instrument?: (client: CloudWatchClient) => void },
): CloudWatchPort {
  const client = new CloudWatchClient({
    region: rc.id,
    credentials,
    maxAttempts: settings.maxAttempts,
    retryMode: settings.retryMode,
    ...(rc.cloudwatchEndpoint ? { endpoint: rc.cloudwatchEndpoint } : {}),
  });
  settings.instrument?.(client);
  // The request meter (diagnostics) counts each attempt on the wire, after the retry middleware, with the metrics
  // it asks for: GetMetricData is billed by the metric requested.
  client.middlewareStack.add(
    (next, context) => (args) => {
      const operation = typeof context.commandName === 'string' ? context.commandName.replace(/Command$/, '') : 'unknown';
      const queries = (args.input as { MetricDataQueries?: unknown[] }).MetricDataQueries;
      recordRequest(operation, rc.id, Date.now(), { service: 'cloudwatch', metrics: queries?.length ?? 0 });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'greenroomCloudWatchMeter', priority: 'low' },
  );

  return {
    async getMetricData(request, signal) {
      const input: GetMetricDataCommandInput = {
        // Unit is left out on purpose: CloudWatch returns nothing when it differs from the stored unit.
        MetricDataQueries: request.queries.map((q) => ({
          Id: q.id,
          ...(q.label ? { Label: q.label } : {}),
          MetricStat: {
            Metric: { Namespace: q.metric.namespace, MetricName: q.metric.metricName, Dimensions: q.metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
            Period: q.period,
            Stat: q.stat,
          },
        })),
        StartTime: new Date(request.startTime),
        EndTime: new Date(request.endTime),
        ScanBy: 'TimestampAscending',
      };
      const byId = new Map<string, MetricSeries>();
      const messages: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await client.send(new GetMetricDataCommand({ ...input, NextToken: token }), { abortSignal: signal });
        pages += 1;
        for (const m of out.Messages ?? []) messages.push([m.Code, m.Value].filter(Boolean).join(': '));
        for (const r of out.MetricDataResults ?? []) {
          const id = r.Id ?? '';
          let s = byId.get(id);
          if (!s) byId.set(id, (s = { id, label: r.Label ?? id, points: [], status: 'Complete', messages: [] }));
          const ts = r.Timestamps ?? [];
          const vs = r.Values ?? [];
          for (let i = 0; i < ts.length && i < vs.length; i++) s.points.push({ t: (ts[i] as Date).getTime(), v: vs[i] as number });
          // The last page's status is the series' status: PartialData on every page but the last.
          s.status = r.StatusCode && STATUSES.has(r.StatusCode) ? (r.StatusCode as MetricStatus) : 'Complete';
          for (const m of r.Messages ?? []) s.messages.push([m.Code, m.Value].filter(Boolean).join(': '));
        }
        token = out.NextToken;
      } while (token && pages < MAX_METRIC_PAGES);
      const series = request.queries.map((q) => {
        const s = byId.get(q.id) ?? { id: q.id, label: q.label ?? q.metric.metricName, points: [], status: 'Complete' as const, messages: [] };
        s.points.sort((a, b) => a.t - b.t);
        return s;
      });
      if (token) messages.push(`Stopped after ${MAX_METRIC_PAGES} pages; narrow the time range to see the rest.`);
      return { series, messages };
    },

    async listMetrics(filter, signal) {
      const input: ListMetricsCommandInput = {
        ...(filter.namespace ? { Namespace: filter.namespace } : {}),
        ...(filter.metricName ? { MetricName: filter.metricName } : {}),
        ...(filter.dimensions ? { Dimensions: filter.dimensions.map((d) => ({ Name: d.name, ...(d.value !== undefined ? { Value: d.value } : {}) })) } : {}),
      };
      const all: MetricIdentity[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await client.send(new ListMetricsCommand({ ...input, NextToken: token }), { abortSignal: signal });
        pages += 1;
        for (const m of out.Metrics ?? []) {
          all.push({
            namespace: m.Namespace ?? '',
            metricName: m.MetricName ?? '',
            dimensions: (m.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
          });
        }
        token = out.NextToken;
      } while (token && pages < MAX_METRIC_PAGES);
      return all;
    },

    destroy: () => client.destroy(),
  };
}
