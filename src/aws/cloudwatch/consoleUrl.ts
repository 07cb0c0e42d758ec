// A link that opens a chart's query in the CloudWatch console's metrics view. The console keeps the graph's
// "source" JSON (the same document its Source tab shows: metrics, view, region, stat, period, start, end) in the
// URL fragment after `#metricsV2:graph=`, written in the jsurl notation: `~(key~value~…)` for objects, `~(~a~b)`
// for arrays, `~'text` for strings with every character outside [A-Za-z0-9_.-] as `*hh` (`**hhhh` beyond Latin-1)
// and `$` as `!`, numbers and booleans bare after `~`. Console links in public repositories and in the console
// itself have this form, e.g. `#metricsV2:graph=~(metrics~(~(~'AWS*2fES~'SearchableDocuments~'DomainName~'x))~period~300…)`.
import type { MetricIdentity } from './types';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function escapeText(s: string): string {
  return s.replace(/[^\w.-]/g, (ch) => {
    if (ch === '$') return '!';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `*${code.toString(16).padStart(2, '0')}` : `**${code.toString(16).padStart(4, '0')}`;
  });
}

/** The jsurl form of a JSON value (every value starts with `~`). */
export function jsurl(value: Json): string {
  if (value === null) return '~null';
  if (Array.isArray(value)) return `~(${value.map(jsurl).join('') || '~'})`;
  switch (typeof value) {
    case 'string':
      return `~'${escapeText(value)}`;
    case 'number':
      return Number.isFinite(value) ? `~${value}` : '~null';
    case 'boolean':
      return `~${value}`;
    default:
      return `~(${Object.entries(value)
        .map(([k, v]) => `${escapeText(k)}${jsurl(v)}`)
        .join('~')})`;
  }
}

export type ConsoleQuery = {
  region: string;
  metrics: { metric: MetricIdentity; stat: string; label?: string }[];
  periodS: number;
  /** Epoch ms. */
  start: number;
  end: number;
  title?: string;
};

/** The console's host for a region's partition: China and GovCloud have consoles of their own. */
function consoleBase(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

/** The source JSON of the console graph: one row per metric, [namespace, name, dim, value, …, {stat, label}]. */
export function consoleSource(q: ConsoleQuery): { [key: string]: Json } {
  return {
    view: 'timeSeries',
    stacked: false,
    region: q.region,
    ...(q.title ? { title: q.title } : {}),
    period: q.periodS,
    start: new Date(q.start).toISOString(),
    end: new Date(q.end).toISOString(),
    metrics: q.metrics.map(({ metric, stat, label }) => [
      metric.namespace,
      metric.metricName,
      ...metric.dimensions.flatMap((d) => [d.name, d.value]),
      { stat, period: q.periodS, ...(label ? { label } : {}) },
    ]),
  };
}

export function cloudWatchConsoleUrl(q: ConsoleQuery): string {
  const region = encodeURIComponent(q.region);
  return `${consoleBase(q.region)}/cloudwatch/home?region=${region}#metricsV2:graph=${jsurl(consoleSource(q))}`;
}
