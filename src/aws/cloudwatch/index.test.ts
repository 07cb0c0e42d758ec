import { describe, expect, it } from 'vitest';
import type { AwsLayer } from '../awsLayer';
import { AppError } from '../errors';
import { checkMetricRequest, getMetricData, stageDimensionOf, stageMetric, validPeriod, type MetricRequest } from './index';

const stageArn = 'arn:aws:ivs:us-east-1:123456789012:stage/AbCdEf123456';
const request = (over: Partial<MetricRequest> = {}): MetricRequest => ({
  queries: [{ id: 'pubs', metric: stageMetric('Publishers', stageArn), period: 60, stat: 'Maximum' }],
  startTime: 1_000_000,
  endTime: 2_000_000,
  ...over,
});
const problem = (r: MetricRequest) => {
  try {
    checkMetricRequest(r);
  } catch (e) {
    return e instanceof AppError ? `${e.kind}: ${e.message}` : String(e);
  }
  return 'ok';
};

describe('metric requests', () => {
  it('uses the stage resource id as the Stage dimension', () => {
    expect(stageDimensionOf(stageArn)).toBe('AbCdEf123456');
    expect(stageMetric('Subscribers', stageArn)).toEqual({ namespace: 'AWS/IVSRealTime', metricName: 'Subscribers', dimensions: [{ name: 'Stage', value: 'AbCdEf123456' }] });
  });

  it('knows the periods CloudWatch takes', () => {
    expect([1, 5, 10, 20, 30, 60, 300, 3600].every(validPeriod)).toBe(true);
    expect([0, 2, 15, 45, 90, 61, 1.5].some(validPeriod)).toBe(false);
  });

  it('names what CloudWatch would refuse before any call', () => {
    expect(problem(request())).toBe('ok');
    expect(problem(request({ queries: [] }))).toBe('validation: Ask for at least one metric.');
    const q = request().queries[0]!;
    expect(problem(request({ queries: Array.from({ length: 501 }, (_, i) => ({ ...q, id: `m${i}` })) }))).toBe('validation: CloudWatch answers at most 500 metrics per request; this asks for 501.');
    expect(problem(request({ queries: [{ ...q, id: 'Pubs' }] }))).toMatch(/"Pubs" must start with a lower-case letter/);
    expect(problem(request({ queries: [q, q] }))).toBe('validation: Metric query id "pubs" is used twice.');
    expect(problem(request({ queries: [{ ...q, period: 45 }] }))).toBe('validation: The period of Publishers (45 s) must be 1, 5, 10, 20, 30 or a multiple of 60 seconds.');
    expect(problem(request({ endTime: 1_000_000 }))).toBe('validation: The time range is empty: its end must be after its start.');
  });

  it('reports a console without metrics as an error, not an empty chart', async () => {
    const noMetrics: AwsLayer = { regions: ['us-east-1'], send: () => Promise.reject(new Error('unused')), dispose: () => undefined };
    await expect(getMetricData(noMetrics, 'us-east-1', request())).rejects.toThrow('Metrics are not available in this console.');
  });
});
