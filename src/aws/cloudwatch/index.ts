// CloudWatch reads for the metric charts. This file is light on purpose: the SDK client lives in client.ts, which
// the AWS layer loads on the first call, so importing these functions adds nothing to the first visit.
import type { AwsLayer } from '../awsLayer';
import { AppError } from '../errors';
import type { Region } from '../types';
import type { MetricFilter } from './client';
import type { MetricData, MetricIdentity, MetricRequest } from './types';

export type { MetricFilter };
export * from './types';
export * from './ivs';

/** GetMetricData's documented ceilings: 500 queries per call, ids like "m1", high-resolution or whole-minute periods. */
export const MAX_METRIC_QUERIES = 500;
const QUERY_ID = /^[a-z][A-Za-z0-9_]{0,254}$/;
const SHORT_PERIODS: ReadonlySet<number> = new Set([1, 5, 10, 20, 30]);

export const validPeriod = (seconds: number): boolean => Number.isInteger(seconds) && (SHORT_PERIODS.has(seconds) || (seconds > 0 && seconds % 60 === 0));

/** The request problems CloudWatch would refuse, caught before the call so the message can name the query. */
export function checkMetricRequest(request: MetricRequest): void {
  const bad = (message: string, field?: string): never => {
    throw new AppError('validation', message, { retryable: false, ...(field ? { field } : {}) });
  };
  if (request.queries.length === 0) bad('Ask for at least one metric.');
  if (request.queries.length > MAX_METRIC_QUERIES) bad(`CloudWatch answers at most ${MAX_METRIC_QUERIES} metrics per request; this asks for ${request.queries.length}.`);
  if (!(request.endTime > request.startTime)) bad('The time range is empty: its end must be after its start.');
  const seen = new Set<string>();
  for (const q of request.queries) {
    if (!QUERY_ID.test(q.id)) bad(`Metric query id "${q.id}" must start with a lower-case letter and use only letters, digits and _.`, 'id');
    if (seen.has(q.id)) bad(`Metric query id "${q.id}" is used twice.`, 'id');
    seen.add(q.id);
    if (!validPeriod(q.period)) bad(`The period of ${q.metric.metricName} (${q.period} s) must be 1, 5, 10, 20, 30 or a multiple of 60 seconds.`, 'period');
  }
}

export async function getMetricData(aws: AwsLayer, region: Region, request: MetricRequest, signal?: AbortSignal): Promise<MetricData> {
  checkMetricRequest(request);
  if (!aws.metrics) throw new AppError('server', 'Metrics are not available in this console.', { retryable: false });
  return aws.metrics(region, (cw) => cw.getMetricData(request, signal));
}

export async function listMetrics(aws: AwsLayer, region: Region, filter: MetricFilter, signal?: AbortSignal): Promise<MetricIdentity[]> {
  if (!aws.metrics) throw new AppError('server', 'Metrics are not available in this console.', { retryable: false });
  return aws.metrics(region, (cw) => cw.listMetrics(filter, signal));
}
export * from './consoleUrl';
