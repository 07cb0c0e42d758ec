// The AWS/IVSRealTime metrics and their dimension sets (a metric query must name the full set to match).
import type { MetricDimension, MetricIdentity } from './types';

export const IVS_NAMESPACE = 'AWS/IVSRealTime';

export type StageMetricName = 'Publishers' | 'Subscribers';
export type ParticipantMetricName = 'PublishBitrate' | 'PublishResolution' | 'PublishFramerate' | 'SubscribeBitrate' | 'DownloadPacketLoss' | 'DroppedFrames';

/** The stage id CloudWatch uses as the Stage dimension: the resource id at the end of the stage ARN. */
export function stageDimensionOf(stageArn: string): string {
  const i = stageArn.lastIndexOf('/');
  return i >= 0 ? stageArn.slice(i + 1) : stageArn;
}

const dims = (pairs: [string, string][]): MetricDimension[] => pairs.map(([name, value]) => ({ name, value }));

export function stageMetric(metricName: StageMetricName, stageArn: string): MetricIdentity {
  return { namespace: IVS_NAMESPACE, metricName, dimensions: dims([['Stage', stageDimensionOf(stageArn)]]) };
}

/**
 * The per-participant metrics with only Stage and Participant. The others (PublishBitrate per SimulcastLayer and
 * MediaType, SubscribeBitrate per MediaType) come from ListMetrics filtered by these two dimensions.
 */
export function participantMetric(metricName: 'DownloadPacketLoss' | 'DroppedFrames' | 'PublishFramerate', stageArn: string, participantId: string): MetricIdentity {
  return { namespace: IVS_NAMESPACE, metricName, dimensions: dims([['Stage', stageDimensionOf(stageArn)], ['Participant', participantId]]) };
}

/** ListMetrics filter for everything one participant reports (ListMetrics matches dimension filters partially). */
export function participantFilter(stageArn: string, participantId: string): { namespace: string; dimensions: { name: string; value: string }[] } {
  return { namespace: IVS_NAMESPACE, dimensions: [{ name: 'Stage', value: stageDimensionOf(stageArn) }, { name: 'Participant', value: participantId }] };
}
