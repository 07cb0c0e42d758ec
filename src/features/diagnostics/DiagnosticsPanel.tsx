import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { cloudWatchUseOver, type CloudWatchUse } from '../../aws/cloudwatchUse';
import { ratesOver, requestVersion, subscribeRequests } from '../../aws/requestMeter';
import { budgetPerMinute, BUDGET_SHARE, rateLimitOf } from '../../query/budget';
import { CLOUDWATCH_BUDGET, CLOUDWATCH_MIN_REFRESH_MS, cloudWatchBudgetShare } from '../../query/cloudwatchBudget';
import { useNow } from '../../query/polling';
import { pushStatusText, usePushStatus } from '../../query/push/context';
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
      <PushDiagnostics now={now} />
    </section>
  );
}

/** The events connection per region and what the merge did with what arrived (this tab, since it opened). */
function PushDiagnostics({ now }: { now: number }): ReactNode {
  const { configured, status, snapshot, probePublish } = usePushStatus();
  const snap = snapshot();
  const [probe, setProbe] = useState<string>();
  return (
    <>
      <h3>Pushed stage events</h3>
      <p>
        <span data-testid="push-diagnostics-status">{pushStatusText(status, now)}</span>
        {status.kind === 'retrying' || status.kind === 'refused' ? ` (${status.region}: ${status.why})` : ''}
      </p>
      {configured && snap ? (
        <>
          <SimpleTable
            caption="Events connections"
            columns={CONNECTION_COLUMNS}
            rows={Object.entries(snap.regions).map(([region, state]) => ({ region, state: state.kind, ...snap.connections[region] }))}
            rowKey={(r) => r.region}
          />
          <p>
            <button
              type="button"
              className="small"
              onClick={() => {
                const regions = Object.keys(snap.regions);
                setProbe('Checking…');
                void Promise.all(regions.map(async (r) => [r, await probePublish(r)] as const)).then((rs) =>
                  setProbe(
                    rs
                      .map(([r, x]) => (x.allowed ? `${r}: ALLOWED — this role can publish stage events; its policy must deny appsync:EventPublish` : `${r}: refused, as it should be (${x.detail})`))
                      .join('; '),
                  ),
                );
              }}
            >
              Check that this role cannot publish events
            </button>{' '}
            {probe ? <span data-testid="push-publish-probe">{probe}</span> : null}
          </p>
          <dl className="push-counts" aria-label="Event merge counts">
            {Object.entries(snap.merge).map(([k, v]) => (
              <div key={k}>
                <dt>{MERGE_LABELS[k as keyof typeof snap.merge]}</dt>
                <dd data-testid={`push-count-${k}`}>{v}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}

type ConnectionRow = { region: string; state: string; connects?: number; closes?: number; received?: number; malformed?: number; subscribeErrors?: number };

const CONNECTION_COLUMNS: readonly SimpleColumn<ConnectionRow>[] = [
  { key: 'region', header: 'Region', render: (r) => r.region },
  { key: 'state', header: 'State', render: (r) => r.state },
  { key: 'connects', header: 'Connects', className: 'num', render: (r) => r.connects ?? 0 },
  { key: 'closes', header: 'Closes', className: 'num', render: (r) => r.closes ?? 0 },
  { key: 'received', header: 'Events received', className: 'num', render: (r) => r.received ?? 0 },
  { key: 'malformed', header: 'Malformed', className: 'num', render: (r) => r.malformed ?? 0 },
  { key: 'subscribeErrors', header: 'Subscribe errors', className: 'num', render: (r) => r.subscribeErrors ?? 0 },
];

const MERGE_LABELS = {
  received: 'Received',
  duplicates: 'Duplicates dropped',
  unplaced: 'Naming no stage',
  applied: 'Written into the cache',
  older: 'Older than known, dropped',
  sameSecond: 'Same second, refetched instead',
  refetches: 'Refetch rounds',
  refetchesDeferred: 'Refetches held by the bucket',
  resyncs: 'Refetches after subscribing',
} as const;
