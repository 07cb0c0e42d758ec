import { queryOptions } from '@tanstack/react-query';
import type { AwsLayer } from '../../../aws/awsLayer';
import { getMetricData, listMetrics, participantFilter, type MetricRequest } from '../../../aws/cloudwatch';
import type { ParticipantKey, Region } from '../../../aws/types';

/**
 * CloudWatch reads for the participant's charts. They cost money per metric read and share an account-wide rate
 * with every other console, so they refresh far less often than the IVS views.
 */
export const METRICS_REFRESH_MS = 30_000;
/** The charts' window and bucket: the last 15 minutes in 10-second points (sub-minute data lasts 3 h in CloudWatch). */
export const METRICS_WINDOW_MS = 15 * 60_000;
export const METRICS_PERIOD_S = 10;

export const metricsQueries = {
  all: (region: Region) => ['cloudwatch', region] as const,
  /** Which metrics (dimension sets) the participant reports; ListMetrics matches Stage + Participant partially. */
  list: (aws: AwsLayer, region: Region, key: ParticipantKey) =>
    queryOptions({
      queryKey: [...metricsQueries.all(region), 'list', key.stageArn, key.participantId] as const,
      queryFn: ({ signal }) => listMetrics(aws, region, participantFilter(key.stageArn, key.participantId), signal),
    }),
  data: (aws: AwsLayer, region: Region, request: MetricRequest) =>
    queryOptions({
      queryKey: [...metricsQueries.all(region), 'data', request] as const,
      queryFn: ({ signal }) => getMetricData(aws, region, request, signal),
    }),
};
