// The CloudWatch budget of the metric charts, apart from the IVS polling budget (budget.ts) so that it loads with
// the charts and not with the first visit.
import { use } from 'react';
import { PollingContext } from './polling';

/**
 * The CloudWatch budget of one tab. GetMetricData is billed by the metric it asks for and shares an account-wide
 * request rate (50 a second in AWS's older quota table) with every dashboard and alarm of the account, so the
 * charts read far less than the rate allows: a tab left open on a live chart asks for at most this much a minute.
 * CloudWatch's data is minute-resolution for anything older than 3 h and arrives about a minute late, so a faster
 * refresh would show nothing new.
 */
export const CLOUDWATCH_BUDGET = { callsPerMinute: 6, metricsPerMinute: 60 } as const;
export const CLOUDWATCH_MIN_REFRESH_MS = 60_000;

/**
 * The refresh interval of a view's live charts: `calls` CloudWatch calls asking for `metrics` metrics in all, every
 * interval, within CLOUDWATCH_BUDGET; never faster than CLOUDWATCH_MIN_REFRESH_MS.
 */
export function cloudWatchRefreshMs(calls: number, metrics: number): number {
  const byCalls = Math.ceil((Math.max(0, calls) * 60_000) / CLOUDWATCH_BUDGET.callsPerMinute);
  const byMetrics = Math.ceil((Math.max(0, metrics) * 60_000) / CLOUDWATCH_BUDGET.metricsPerMinute);
  return Math.max(CLOUDWATCH_MIN_REFRESH_MS, byCalls, byMetrics);
}

/** How a measured minute of CloudWatch use compares with the budget: the larger of the two shares. */
export function cloudWatchBudgetShare(use: { calls: number; metrics: number }): number {
  return Math.max(use.calls / CLOUDWATCH_BUDGET.callsPerMinute, use.metrics / CLOUDWATCH_BUDGET.metricsPerMinute);
}

/** The refresh interval of live charts (cloudWatchRefreshMs), or false while the user has paused live updates. */
export function useCloudWatchRefresh(calls: number, metrics: number): number | false {
  const ctl = use(PollingContext);
  if (ctl?.paused) return false;
  return cloudWatchRefreshMs(calls, metrics);
}
