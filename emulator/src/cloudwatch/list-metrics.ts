// ListMetrics over the emulator's own metrics: exact namespace and name, dimension filters that match partially
// (a metric with more dimensions still matches), RecentlyActive, and pages of the documented size.
import { createHash } from 'node:crypto';
import { type Dimension, lastActive, type MetricSeries } from '../metrics/catalog.ts';
import { cloudwatchLimits as limits } from '../model/generated/cloudwatch-limits.ts';
import { invalidParameter } from './errors.ts';

type Input = {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value?: string }[];
  NextToken?: string;
  RecentlyActive?: 'PT3H';
  IncludeLinkedAccounts?: boolean;
  OwningAccount?: string;
};
export type Output = { Metrics: { Namespace: string; MetricName: string; Dimensions: Dimension[] }[]; NextToken?: string; OwningAccounts?: string[] };

/** The model documents that ListMetrics leaves out metrics with no data in the past two weeks. */
const LISTED_FOR_MS = 14 * 24 * 3600_000;
const RECENT_MS = 3 * 3600_000;

const sortKey = (m: MetricSeries) => [m.namespace, m.metricName, ...m.dimensions.map((d) => `${d.Name}=${d.Value}`)].join('\u0001');

export function listMetrics(raw: Record<string, unknown>, series: MetricSeries[], now: number, accountId: string): Output {
  const input = raw as Input;
  const filters = input.Dimensions ?? [];
  // A monitoring account's linked accounts do not exist here: another account's metrics are none.
  const other = input.OwningAccount !== undefined && input.OwningAccount !== accountId;
  const matches = other
    ? []
    : series
        .filter((m) => input.Namespace === undefined || m.namespace === input.Namespace)
        .filter((m) => input.MetricName === undefined || m.metricName === input.MetricName)
        .filter((m) => filters.every((f) => m.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))))
        .filter((m) => lastActive(m) >= now - (input.RecentlyActive ? RECENT_MS : LISTED_FOR_MS))
        .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const hash = createHash('sha256').update(JSON.stringify({ ...input, NextToken: undefined })).digest('base64url').slice(0, 16);
  let offset = 0;
  if (input.NextToken !== undefined) {
    const m = /^([A-Za-z0-9_-]{16})\.(\d+)$/.exec(input.NextToken);
    if (!m || m[1] !== hash) throw invalidParameter('The NextToken is not valid for this request: pass the token of the previous page with the same filters.');
    offset = Number(m[2]);
  }
  const page = matches.slice(offset, offset + limits.listMetricsPageSize);
  const out: Output = { Metrics: page.map((m) => ({ Namespace: m.namespace, MetricName: m.metricName, Dimensions: m.dimensions.map((d) => ({ ...d })) })) };
  if (offset + page.length < matches.length) out.NextToken = `${hash}.${offset + page.length}`;
  if (input.IncludeLinkedAccounts) out.OwningAccounts = page.map(() => accountId);
  return out;
}
