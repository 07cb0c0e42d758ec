// The app's own shapes for CloudWatch metrics. Plain JSON for the query cache: times are epoch milliseconds,
// no Date objects and no $metadata.

export type MetricDimension = { name: string; value: string };

/** A metric's identity: its namespace, name and full dimension set (CloudWatch matches the set exactly). */
export type MetricIdentity = { namespace: string; metricName: string; dimensions: MetricDimension[] };

export type MetricQuery = {
  /** Unique in one request; starts with a lower-case letter, then letters, digits and _. */
  id: string;
  metric: MetricIdentity;
  /** Seconds: 1, 5, 10, 20, 30 or a multiple of 60. */
  period: number;
  /** Average, Maximum, Minimum, Sum, SampleCount or an extended statistic such as p99. */
  stat: string;
  label?: string;
};

export type MetricRequest = {
  queries: MetricQuery[];
  /** Epoch ms, inclusive (CloudWatch rounds it down). */
  startTime: number;
  /** Epoch ms, exclusive. */
  endTime: number;
};

export type MetricStatus = 'Complete' | 'PartialData' | 'InternalError' | 'Forbidden';

export type MetricPoint = { t: number; v: number };

export type MetricSeries = {
  id: string;
  label: string;
  /** Oldest first, every page merged. */
  points: MetricPoint[];
  status: MetricStatus;
  messages: string[];
};

export type MetricData = { series: MetricSeries[]; messages: string[] };
