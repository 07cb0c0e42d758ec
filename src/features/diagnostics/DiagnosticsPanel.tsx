import { useSyncExternalStore, type ReactNode } from 'react';
import { ratesOver, requestVersion, subscribeRequests } from '../../aws/requestMeter';
import { budgetPerMinute, BUDGET_SHARE, rateLimitOf } from '../../query/budget';
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

/** Requests per minute by operation and region over the last minute, beside half the operation's rate limit. */
export function DiagnosticsPanel(): ReactNode {
  useSyncExternalStore(subscribeRequests, requestVersion, requestVersion);
  const now = useNow();
  const rates = ratesOver(WINDOW_MS, now);
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
    </section>
  );
}
