import { useSyncExternalStore, type ReactNode } from 'react';
import { ratesOver, requestVersion, subscribeRequests } from '../../aws/requestMeter';
import { budgetPerMinute, BUDGET_SHARE, rateLimitOf } from '../../query/budget';
import { useNow } from '../../query/polling';

const WINDOW_MS = 60_000;

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
        <table className="table">
          <caption className="sr-only">Requests per minute by operation</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col">Operation</th>
              <th scope="col" className="num">
                Requests / min
              </th>
              <th scope="col" className="num">
                Budget / min
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => {
              const budget = budgetPerMinute(r.operation);
              const over = r.perMinute > budget;
              return (
                <tr key={`${r.region}|${r.operation}`}>
                  <td>{r.region}</td>
                  <td>{r.operation}</td>
                  <td className="num">{r.count}</td>
                  <td className="num" title={`Half of ${rateLimitOf(r.operation)} requests per second`}>
                    {budget}
                  </td>
                  <td>
                    <span className={over ? 'badge badge-bad' : 'badge badge-ok'}>
                      {over ? 'Over budget' : `Within budget (${Math.round((r.perMinute / budget) * 100)} %)`}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
