import { describe, expect, it } from 'vitest';
import { cloudWatchConsoleUrl, consoleSource, jsurl } from './consoleUrl';
import { stageMetric } from './ivs';

describe('CloudWatch console link', () => {
  it('writes the jsurl notation the console reads', () => {
    expect(jsurl({ metrics: [['AWS/ES', 'SearchableDocuments']], period: 300, stacked: false })).toBe("~(metrics~(~(~'AWS*2fES~'SearchableDocuments))~period~300~stacked~false)");
    expect(jsurl({ a: 'x y$z:é€', n: null, e: [] })).toBe("~(a~'x*20y!z*3a*e9**20ac~n~null~e~(~))");
  });

  it('opens the same metrics, statistic, period, range and region as the chart', () => {
    const start = Date.UTC(2026, 11, 5, 10, 0);
    const end = Date.UTC(2026, 11, 5, 10, 15);
    const q = {
      region: 'eu-west-1',
      periodS: 10,
      start,
      end,
      title: 'Publishers',
      metrics: [{ metric: stageMetric('Publishers', 'arn:aws:ivs:eu-west-1:123456789012:stage/AbCd1234'), stat: 'Maximum', label: 'Publishers' }],
    };
    expect(consoleSource(q)).toEqual({
      view: 'timeSeries',
      stacked: false,
      region: 'eu-west-1',
      title: 'Publishers',
      period: 10,
      start: '2026-12-05T10:00:00.000Z',
      end: '2026-12-05T10:15:00.000Z',
      metrics: [['AWS/IVSRealTime', 'Publishers', 'Stage', 'AbCd1234', { stat: 'Maximum', period: 10, label: 'Publishers' }]],
    });
    expect(cloudWatchConsoleUrl(q)).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2:graph=' +
        "~(view~'timeSeries~stacked~false~region~'eu-west-1~title~'Publishers~period~10~start~'2026-12-05T10*3a00*3a00.000Z~end~'2026-12-05T10*3a15*3a00.000Z" +
        "~metrics~(~(~'AWS*2fIVSRealTime~'Publishers~'Stage~'AbCd1234~(stat~'Maximum~period~10~label~'Publishers))))",
    );
  });

  it('uses the partition console for China and GovCloud regions', () => {
    const base = { periodS: 60, start: 0, end: 60_000, metrics: [] };
    expect(cloudWatchConsoleUrl({ ...base, region: 'cn-north-1' })).toMatch(/^https:\/\/cn-north-1\.console\.amazonaws\.cn\/cloudwatch\/home\?region=cn-north-1#/);
    expect(cloudWatchConsoleUrl({ ...base, region: 'us-gov-west-1' })).toMatch(/^https:\/\/console\.amazonaws-us-gov\.com\/cloudwatch\/home\?region=us-gov-west-1#/);
  });
});
