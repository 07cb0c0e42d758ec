import { useSyncExternalStore, type ReactNode } from 'react';
import { cloudWatchUseOver, type CloudWatchUse } from '../../aws/cloudwatchUse';
import { ratesOver, requestVersion, subscribeRequests } from '../../aws/requestMeter';
import { budgetPerMinute, BUDGET_SHARE, rateLimitOf } from '../../query/budget';
import { CLOUDWATCH_BUDGET, CLOUDWATCH_MIN_REFRESH_MS, cloudWatchBudgetShare } from '../../query/cloudwatchBudget';
import { useNow } from '../../query/polling';
import { SimpleTable, type SimpleColumn } from '../../components/SimpleTable';

const WINDOW_MS = 60_000;

type Rate = ReturnType<typeof ratesOver>[number];

const COLUMNS: readonly SimpleColumn<Rate>[] = [
  { key: 'region', header: 'Region', render: (r) => r.region },
  { key: 'operation', header: 'Operation', render: (r) => r.operation },
  { key: 'count', header: 'Requests / min', className: 'num', render: (r) => r.count },
  {
    key: 'budget',
    header: 'Budget / min',
    className: 'num',
    render: (r) => <span title={`Half of ${rateLimitOf(r.operation)} requests per second`}>{budgetPerMinute(r.operation)}</span>,
  },
  {
    key: 'status',
    header: 'Status',
    render: (r) => {
      const budget = budgetPerMinute(r.operation);
      const over = r.perMinute > budget;
      return (
        <span className={over ? 'badge badge-bad' : 'badge badge-ok'}>
          {over ? 'Over budget' : `Within budget (${Math.round((r.perMinute / budget) * 100)} %)`}
        </span>
      );
    },
  },
];

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const CW_COLUMNS: readonly SimpleColumn<CloudWatchUse>[] = [
  { key: 'region', header: 'Region', render: (u) => u.region },
  {
    key: 'calls',
    header: 'Calls / min',
    className: 'num',
    render: (u) =>
      `${fmt(u.calls)} (${Object.entries(u.byOperation)
        .map(([op, n]) => `${op} ${fmt(n)}`)
        .join(', ')})`,
  },
  { key: 'callBudget', header: 'Call budget / min', className: 'num', render: () => CLOUDWATCH_BUDGET.callsPerMinute },
  { key: 'metrics', header: 'Metrics / min', className: 'num', render: (u) => fmt(u.metrics) },
  { key: 'metricBudget', header: 'Metric budget / min', className: 'num', render: () => CLOUDWATCH_BUDGET.metricsPerMinute },
  {
    key: 'status',
    header: 'Status',
    render: (u) => {
      const share = cloudWatchBudgetShare(u);
      return <span className={share > 1 ? 'badge badge-bad' : 'badge badge-ok'}>{share > 1 ? 'Over budget' : `Within budget (${Math.round(share * 100)} %)`}</span>;
    },
  },
];

/** Requests per minute by operation and region over the last minute, beside half the operation's rate limit. */
export function DiagnosticsPanel(): ReactNode {
  useSyncExternalStore(subscribeRequests, requestVersion, requestVersion);
  const now = useNow();
  const rates = ratesOver(WINDOW_MS, now);
  const cloudwatch = cloudWatchUseOver(WINDOW_MS, now);
  return (
    <section className="panel diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">API budget (this tab, last minute)</h2>
      <p className="muted">
        IVS limits each operation per account and region; Greenroom keeps its polling under {BUDGET_SHARE * 100} % of each limit. Hidden tabs
        send nothing.
      </p>
      {rates.length === 0 ? (
        <p>No requests in the last minute.</p>
      ) : (
        <SimpleTable caption="Requests per minute by operation" columns={COLUMNS} rows={rates} rowKey={(r) => `${r.region}|${r.operation}`} />
      )}
      <h3>CloudWatch (metric charts)</h3>
      <p className="muted">
        GetMetricData is billed by the metric it asks for. Live charts refresh at most every {CLOUDWATCH_MIN_REFRESH_MS / 1000} s and within {CLOUDWATCH_BUDGET.callsPerMinute}{' '}
        calls and {CLOUDWATCH_BUDGET.metricsPerMinute} metrics a minute in this tab.
      </p>
      {cloudwatch.length === 0 ? (
        <p>No CloudWatch calls in the last minute.</p>
      ) : (
        <SimpleTable caption="CloudWatch calls and metrics per minute" columns={CW_COLUMNS} rows={cloudwatch} rowKey={(u) => u.region} />
      )}
    </section>
  );
}
