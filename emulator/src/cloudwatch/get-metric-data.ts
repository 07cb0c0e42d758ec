// GetMetricData over the emulator's own metrics (metrics/catalog.ts): MetricStat queries with the documented
// limits, period and retention rules, start-time rounding, statistics, ScanBy and paging by MaxDatapoints.
import { createHash } from 'node:crypto';
import { type Dimension, type MetricSeries, metricKey, sampleTimes } from '../metrics/catalog.ts';
import { cloudwatchLimits as limits } from '../model/generated/cloudwatch-limits.ts';
import { invalidCombination, invalidNextToken, invalidParameter, missingParameter, validationError } from './errors.ts';
import { toMillis } from './wire.ts';

type Query = {
  Id: string;
  MetricStat?: { Metric?: { Namespace?: string; MetricName?: string; Dimensions?: Dimension[] }; Period: number; Stat: string; Unit?: string };
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
};
type Input = {
  MetricDataQueries: Query[];
  StartTime: unknown;
  EndTime: unknown;
  NextToken?: string;
  ScanBy?: 'TimestampDescending' | 'TimestampAscending';
  MaxDatapoints?: number;
  LabelOptions?: { Timezone?: string };
};

export type Result = { Id: string; Label: string; Timestamps: number[]; Values: number[]; StatusCode: 'Complete' | 'PartialData' };
export type Output = { MetricDataResults: Result[]; NextToken?: string; Messages: { Code?: string; Value?: string }[] };

/** The Id rule AWS states in its message for a bad Id (the model itself has no pattern for MetricId). */
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Stat = { name: string; of(values: number[]): number };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const STATS: Record<string, Stat['of']> = {
  SampleCount: (xs) => xs.length,
  Sum: sum,
  Average: (xs) => sum(xs) / xs.length,
  Minimum: (xs) => Math.min(...xs),
  Maximum: (xs) => Math.max(...xs),
};

/** Statistics computed here: the five basic ones and percentiles pNN / pNN.NN. */
export function parseStat(stat: string, where: string): Stat {
  const basic = STATS[stat];
  if (basic) return { name: stat, of: basic };
  const p = /^p(\d{1,2}(?:\.\d{1,2})?|100)$/.exec(stat);
  if (p) {
    const q = Number(p[1]) / 100;
    // Nearest rank, the definition CloudWatch documents for percentiles.
    return { name: stat, of: (xs) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)] as number };
  }
  if (/^(tm|wm|tc|ts|TM|WM|TC|TS|PR|IQM)/.test(stat)) {
    throw invalidParameter(`The statistic ${stat} at ${where} is valid in CloudWatch but this emulator computes only SampleCount, Average, Sum, Minimum, Maximum and percentiles (pNN).`);
  }
  throw invalidParameter(`The value ${stat} for parameter ${where} is not a valid statistic. Use SampleCount, Average, Sum, Minimum, Maximum or an extended statistic such as p99.`);
}

export const validPeriod = (period: number): boolean => (limits.highResolutionPeriods as readonly number[]).includes(period) || (period >= 60 && period % 60 === 0);

/**
 * StartTime as CloudWatch rounds it: down to the minute under 15 days, to 5 minutes up to 63 days, to the hour
 * beyond; for periods of 5, 10, 20 and 30 s to that many seconds. AWS is silent on a period of 1 s; we round to
 * the second, the only rounding that keeps every 1-second bucket.
 */
export function roundStart(start: number, period: number, now: number): number {
  const age = now - start;
  let unit = age > limits.retention.fiveMinuteDays * DAY ? HOUR : age > limits.retention.oneMinuteDays * DAY ? 5 * MINUTE : MINUTE;
  if (period < 60 && age <= limits.retention.oneMinuteDays * DAY) unit = period * SECOND;
  return Math.floor(start / unit) * unit;
}

/** The retention rule of MetricStat.Period: a start older than 3 h, 15 days or 63 days needs a coarser period, or nothing comes back. */
export function periodKept(start: number, period: number, now: number): boolean {
  const age = now - start;
  if (age > limits.retention.fiveMinuteDays * DAY) return period % 3600 === 0;
  if (age > limits.retention.oneMinuteDays * DAY) return period % 300 === 0;
  if (age > limits.retention.highResolutionHours * HOUR) return period % 60 === 0;
  return true;
}

type Token = { h: string; c: (number | null)[] };

function requestHash(input: Input): string {
  const { NextToken: _t, MaxDatapoints: _m, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 16);
}

function readToken(token: string, hash: string, count: number): (number | null)[] {
  let t: Token | undefined;
  try {
    t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Token;
  } catch {
    t = undefined;
  }
  const ok = t && t.h === hash && Array.isArray(t.c) && t.c.length === count && t.c.every((x) => x === null || x === -1 || Number.isFinite(x));
  // A token from another request (other queries or range) cannot continue this one.
  if (!ok) throw invalidNextToken('The service cannot use this NextToken: it is malformed or belongs to a different request.');
  return (t as Token).c;
}

/** Checks what the model cannot express; every failure names the query by its position, as AWS does. */
function check(input: Input): { start: number; end: number; max: number } {
  const queries = input.MetricDataQueries;
  if (queries.length === 0) throw invalidParameter('The parameter MetricDataQueries must contain at least one query.');
  if (queries.length > limits.maxMetricDataQueries) {
    throw invalidParameter(`The collection MetricDataQueries must not have a size greater than ${limits.maxMetricDataQueries} (got ${queries.length}).`);
  }
  const bad = queries.map((q, i) => (ID_PATTERN.test(q.Id) ? '' : `The value ${q.Id} for parameter MetricDataQueries.member.${i + 1}.Id is not matching the expected pattern ${ID_PATTERN.source}.`)).filter(Boolean);
  if (bad.length) throw validationError(bad.join('\n'));
  const seen = new Map<string, number>();
  queries.forEach((q, i) => {
    const where = `MetricDataQueries.member.${i + 1}`;
    const first = seen.get(q.Id);
    if (first !== undefined) throw invalidParameter(`The value ${q.Id} for parameter ${where}.Id is already used by MetricDataQueries.member.${first}; Ids must be unique.`);
    seen.set(q.Id, i + 1);
    if (q.MetricStat && q.Expression !== undefined) throw invalidCombination(`${where} has both MetricStat and Expression; give exactly one.`);
    if (!q.MetricStat && q.Expression === undefined) throw missingParameter(`${where} needs either MetricStat or Expression.`);
    if (q.Expression !== undefined) {
      throw invalidParameter(`${where}.Expression: this emulator does not evaluate metric math or Metrics Insights queries; ask for each metric with MetricStat.`);
    }
    const ms = q.MetricStat as NonNullable<Query['MetricStat']>;
    if (!ms.Metric?.Namespace) throw missingParameter(`The parameter ${where}.MetricStat.Metric.Namespace is required.`);
    if (!ms.Metric.MetricName) throw missingParameter(`The parameter ${where}.MetricStat.Metric.MetricName is required.`);
    if (!validPeriod(ms.Period)) {
      throw invalidParameter(`The parameter ${where}.MetricStat.Period must be ${limits.highResolutionPeriods.join(', ')} or a multiple of 60 (got ${ms.Period}).`);
    }
    parseStat(ms.Stat, `${where}.MetricStat.Stat`);
  });
  const tz = input.LabelOptions?.Timezone;
  if (tz !== undefined && !/^[+-](?:[01]\d|2[0-3])[0-5]\d$/.test(tz)) {
    throw invalidParameter(`The parameter LabelOptions.Timezone must be +HHMM or -HHMM (got "${tz}").`);
  }
  const start = toMillis(input.StartTime, 'startTime');
  const end = toMillis(input.EndTime, 'endTime');
  if (!(start < end)) throw invalidParameter('The parameter StartTime must be less than the parameter EndTime.');
  const max = input.MaxDatapoints ?? limits.defaultMaxDatapoints;
  if (max < 1) throw invalidParameter(`The parameter MaxDatapoints must be at least 1 (got ${max}).`);
  // AWS is silent on a MaxDatapoints above the per-call ceiling; we cap it there rather than refuse, as the ceiling is documented per call.
  return { start, end, max: Math.min(max, limits.maxDatapointsPerCall) };
}

/** Every datapoint of one query, oldest first: [bucket start, value]. */
function datapoints(series: MetricSeries | undefined, q: Query, start: number, end: number, now: number): [number, number][] {
  const ms = q.MetricStat as NonNullable<Query['MetricStat']>;
  // A Unit that is not the stored one matches nothing: CloudWatch never converts units.
  if (!series || (ms.Unit !== undefined && ms.Unit !== series.unit)) return [];
  if (!periodKept(start, ms.Period, now)) return [];
  const from = roundStart(start, ms.Period, now);
  const step = ms.Period * SECOND;
  const stat = parseStat(ms.Stat, 'Stat');
  const buckets = new Map<number, number[]>();
  // No sample is ever in the future: the emulator's clock decides what has happened.
  for (const t of sampleTimes(series, from, Math.min(end, now + 1))) {
    const b = from + Math.floor((t - from) / step) * step;
    let list = buckets.get(b);
    if (!list) buckets.set(b, (list = []));
    list.push(series.value(t));
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([b, xs]) => [b, stat.of(xs)]);
}

export function getMetricData(raw: Record<string, unknown>, index: Map<string, MetricSeries>, now: number): Output {
  const input = raw as Input;
  const { start, end, max } = check(input);
  const hash = requestHash(input);
  const queries = input.MetricDataQueries;
  // Per query, where the last page stopped: null = not started, -1 = done, else the last timestamp returned.
  const cursors = input.NextToken !== undefined ? readToken(input.NextToken, hash, queries.length) : queries.map(() => null);
  const descending = (input.ScanBy ?? 'TimestampDescending') === 'TimestampDescending';
  let room = max;
  let more = false;
  const next: (number | null)[] = [];
  const results: Result[] = [];
  queries.forEach((q, i) => {
    const ms = q.MetricStat as NonNullable<Query['MetricStat']>;
    const metric = ms.Metric as { Namespace: string; MetricName: string; Dimensions?: Dimension[] };
    const all = datapoints(index.get(metricKey(metric.Namespace, metric.MetricName, metric.Dimensions ?? [])), q, start, end, now);
    if (descending) all.reverse();
    const cursor = cursors[i];
    const left = cursor === -1 ? [] : cursor === null || cursor === undefined ? all : all.filter(([t]) => (descending ? t < cursor : t > cursor));
    const taken = left.slice(0, room);
    room -= taken.length;
    const partial = taken.length < left.length;
    if (partial) more = true;
    next.push(partial ? (taken.length ? (taken[taken.length - 1] as [number, number])[0] : (cursor ?? null)) : -1);
    if (q.ReturnData === false) return;
    results.push({
      Id: q.Id,
      Label: q.Label ?? metric.MetricName,
      Timestamps: taken.map(([t]) => t),
      Values: taken.map(([, v]) => v),
      StatusCode: partial ? 'PartialData' : 'Complete',
    });
  });
  const out: Output = { MetricDataResults: results, Messages: [] };
  if (more) out.NextToken = Buffer.from(JSON.stringify({ h: hash, c: next } satisfies Token)).toString('base64url');
  return out;
}
