import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../../aws/awsLayer';
import { getMetricData, stageMetric, type MetricData, type MetricQuery } from '../../../aws/cloudwatch';
import type { Region } from '../../../aws/types';
import { resolveWindow, type MetricRange, type MetricWindow, type SessionSpan } from '../../../query/metricsRange';

/** The stage's two charts: how many publish and how many subscribe. Maximum, so a short peak inside a period shows. */
export const STAGE_CHARTS = [
  { metric: 'Publishers', title: 'Publishers', stat: 'Maximum' },
  { metric: 'Subscribers', title: 'Subscribers', stat: 'Maximum' },
] as const;

export function stageMetricQueries(stageArn: string, periodS: number): MetricQuery[] {
  return STAGE_CHARTS.map((c, i) => ({ id: `s${i}`, metric: stageMetric(c.metric, stageArn), period: periodS, stat: c.stat, label: c.title }));
}

export type StageMetricsResult = { window: MetricWindow; data: MetricData };

export const stageMetricsQueries = {
  /**
   * The stage's counts over a range. The window is worked out when the query runs, so a live range read again by
   * the refresh interval moves with the clock under the same key.
   */
  counts: (aws: AwsLayer, region: Region, stageArn: string, range: MetricRange, session: SessionSpan | undefined) =>
    queryOptions({
      queryKey: ['cloudwatch', region, 'stage', stageArn, range, session ?? null] as const,
      queryFn: async ({ signal }): Promise<StageMetricsResult> => {
        const resolved = resolveWindow(range, Date.now(), session, STAGE_CHARTS.length);
        if (resolved.kind !== 'ok') throw new Error(`No window for this range (${resolved.kind}).`);
        const { window } = resolved;
        const data = await getMetricData(aws, region, { queries: stageMetricQueries(stageArn, window.periodS), startTime: window.start, endTime: window.end }, signal);
        return { window, data };
      },
    }),
};
