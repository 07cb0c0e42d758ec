import { describe, expect, it } from 'vitest';
import { cloudWatchUseOver } from './cloudwatchUse';
import { ratesOver, recordRequest } from './requestMeter';

describe('request meter', () => {
  it('counts CloudWatch calls and the metrics they ask for apart from the IVS rates', () => {
    const now = 10_000_000_000;
    recordRequest('ListParticipants', 'eu-west-1', now - 1000);
    recordRequest('GetMetricData', 'eu-west-1', now - 2000, { service: 'cloudwatch', metrics: 9 });
    recordRequest('ListMetrics', 'eu-west-1', now - 3000, { service: 'cloudwatch', metrics: 0 });
    recordRequest('GetMetricData', 'eu-west-1', now - 30_000, { service: 'cloudwatch', metrics: 2 });
    recordRequest('GetMetricData', 'eu-west-1', now - 90_000, { service: 'cloudwatch', metrics: 500 });
    expect(ratesOver(60_000, now).map((r) => r.operation)).toEqual(['ListParticipants']);
    expect(cloudWatchUseOver(60_000, now)).toEqual([{ region: 'eu-west-1', calls: 3, metrics: 11, byOperation: { GetMetricData: 2, ListMetrics: 1 } }]);
    // Over 20 s, scaled to a minute.
    expect(cloudWatchUseOver(20_000, now)[0]).toMatchObject({ calls: 6, metrics: 27 });
  });
});
