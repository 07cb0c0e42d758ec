import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../../aws/awsLayer';
import { getMetricData, listMetrics, participantFilter, type MetricData, type MetricQuery } from '../../../aws/cloudwatch';
import type { ParticipantKey, Region } from '../../../aws/types';
import { resolveWindow, type MetricRange, type MetricWindow, type SessionSpan } from '../../../query/metricsRange';

export type ParticipantMetricsResult = { window: MetricWindow; data: MetricData };
/** A query without its period: the period follows the window, chosen when the query runs. */
export type PlannedQuery = Omit<MetricQuery, 'period'>;

export const metricsQueries = {
  all: (region: Region) => ['cloudwatch', region] as const,
  /** Which metrics (dimension sets) the participant reports; ListMetrics matches Stage + Participant partially. */
  list: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: [...metricsQueries.all(region), 'list', key.stageArn, key.participantId] as const,
      queryFn: ({ signal }) => listMetrics(aws, region, participantFilter(key.stageArn, key.participantId), signal),
    }),
  /**
   * The participant's series over a range. The window is worked out when the query runs, so a live range read
   * again by the refresh interval moves with the clock under the same key.
   */
  data: (aws: AwsLayer, region: Region, key: ParticipantKey, planned: PlannedQuery[], range: MetricRange, span: SessionSpan | undefined) =>
    queryOptions({
      queryKey: [...metricsQueries.all(region), 'participant', key, planned, range, span ?? null] as const,
      queryFn: async ({ signal }): Promise<ParticipantMetricsResult> => {
        const resolved = resolveWindow(range, Date.now(), span, planned.length);
        if (resolved.kind !== 'ok') throw new Error(`No window for this range (${resolved.kind}).`);
        const { window } = resolved;
        const queries = planned.map((q) => ({ ...q, period: window.periodS }));
        const data = await getMetricData(aws, region, { queries, startTime: window.start, endTime: window.end }, signal);
        return { window, data };
      },
    }),
};
