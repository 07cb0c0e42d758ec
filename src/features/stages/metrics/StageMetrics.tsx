// The stage's CloudWatch counts (Publishers, Subscribers) for the session in view or a chosen range, with one
// cursor across both charts, each chart's numbers as a table, and a link to the same query in the CloudWatch
// console. Loaded lazily with uPlot and the CloudWatch client (StageDetailPage imports it with React.lazy).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import { cloudWatchConsoleUrl, type MetricSeries } from '../../../aws/cloudwatch';
import type { Region } from '../../../aws/types';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { EmptyState, Loading } from '../../../components/Loading';
import { MetricChart } from '../../../components/MetricChart';
import { MetricRangePicker } from '../../../components/MetricRangePicker';
import { cloudWatchRefreshMs, useCloudWatchRefresh } from '../../../query/cloudwatchBudget';
import { useNow } from '../../../query/polling';
import { describePeriod, resolveWindow, type MetricRange, type SessionSpan } from '../../../query/metricsRange';
import { STAGE_CHARTS, stageMetricQueries, stageMetricsQueries } from './stageMetricsQueries';
import { formatTime } from '../../../query/time';

type Props = {
  region: Region;
  stageArn: string;
  sessionId?: string;
  /** The session in view: "Whole session" spans it; undefined while it loads or when the stage has none. */
  session?: SessionSpan;
};

/** CloudWatch has a new metric about a minute after it happens; before that a new session has nothing to show. */
const ARRIVAL_MS = 2 * 60_000;
const count = (v: number): string => v.toFixed(0);

export function StageMetrics({ region, stageArn, sessionId, session }: Props): ReactNode {
  const aws = useAws();
  const [range, setRange] = useState<MetricRange>({ kind: 'session' });
  const now = useNow();
  const resolved = resolveWindow(range, now, session, STAGE_CHARTS.length);
  const refreshMs = cloudWatchRefreshMs(1, STAGE_CHARTS.length);
  const refresh = useCloudWatchRefresh(1, STAGE_CHARTS.length);
  const q = useQuery({
    ...stageMetricsQueries.counts(aws, region, stageArn, range, session),
    enabled: resolved.kind === 'ok',
    placeholderData: keepPreviousData,
    // Only a range that ends now has anything new to show; CloudWatch's data is per minute at best.
    refetchInterval: (query) => (query.state.data?.window.live ? refresh : false),
  });

  let body: ReactNode;
  if (resolved.kind === 'no-session') {
    body = sessionId ? (
      <EmptyState>
        The times of session <code>{sessionId}</code> are not loaded (it is not among the sessions listed above), so its span is unknown. Pick a time range instead.
      </EmptyState>
    ) : (
      <EmptyState>This stage has had no session yet, so there is no session to chart. Pick a time range instead.</EmptyState>
    );
  } else if (resolved.kind === 'outside-retention') {
    body = (
      <EmptyState>
        This range is outside CloudWatch&apos;s retention: it keeps a metric for at most 455 days (at one-hour points), so nothing before {formatTime(resolved.oldest)} can be
        shown.
      </EmptyState>
    );
  } else if (q.isError && !q.data) {
    body = <ErrorPanel error={q.error} onRetry={() => void q.refetch()} title="Stage metrics could not be loaded" />;
  } else if (!q.data) {
    body = <Loading label="Loading stage metrics" />;
  } else {
    const { window, data } = q.data;
    const empty = data.series.every((s) => s.points.length === 0);
    const fresh = session && session.end === undefined && now - session.start < ARRIVAL_MS;
    const byId = new Map<string, MetricSeries>(data.series.map((s) => [s.id, s]));
    const queries = stageMetricQueries(stageArn, window.periodS);
    body = (
      <>
        <p className="muted metric-window" data-start={window.start} data-end={window.end} data-period={window.periodS}>
          {formatTime(window.start)} – {window.live ? 'now' : formatTime(window.end)}, {describePeriod(window.periodS)}
          {window.live ? (refresh ? `, refreshed every ${Math.round(refreshMs / 1000)} s` : ', refresh paused') : ''}.
        </p>
        {window.note ? <p className="banner banner-info">{window.note}</p> : null}
        {[...data.messages, ...data.series.flatMap((s) => (s.status === 'Complete' ? [] : [`${s.label}: CloudWatch answered ${s.status}.`]))].map((m) => (
          <p key={m} className="banner banner-stale">
            {m}
          </p>
        ))}
        {q.isPlaceholderData ? <Loading label="Loading the new range" /> : null}
        {q.isRefetchError ? <ErrorPanel error={q.error} onRetry={() => void q.refetch()} title="The latest refresh failed; the charts show the previous numbers" /> : null}
        {empty ? (
          fresh ? (
            <EmptyState>No metrics yet: the session started moments ago, and CloudWatch receives a stage&apos;s counts a minute or so after they happen.</EmptyState>
          ) : (
            <EmptyState>CloudWatch has no Publishers or Subscribers data for this stage in this range: nobody was in the stage then.</EmptyState>
          )
        ) : (
          <div className="metric-charts">
            {STAGE_CHARTS.map((c, i) => {
              const s = byId.get(`s${i}`);
              const query = queries[i];
              if (!s || !query) return null;
              return (
                <div key={c.metric}>
                  <MetricChart
                    title={c.title}
                    unit="participants"
                    series={[{ id: s.id, label: `${c.title} (${c.stat})`, points: s.points }]}
                    format={count}
                    range={window}
                    syncKey={`stage:${stageArn}`}
                    fromZero
                  />
                  <a
                    className="console-link"
                    href={cloudWatchConsoleUrl({ region, periodS: window.periodS, start: window.start, end: window.end, title: c.title, metrics: [{ metric: query.metric, stat: query.stat, label: c.title }] })}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    Open {c.title} in the CloudWatch console
                  </a>
                </div>
              );
            })}
          </div>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="stage-metrics-title" className="stage-metrics">
      <h2 id="stage-metrics-title">Stage metrics</h2>
      <MetricRangePicker
        value={range}
        onChange={setRange}
        sessionLabel={sessionId ? 'Whole session' : undefined}
        suggest={resolved.kind === 'ok' ? resolved.window : { start: now - 3_600_000, end: now }}
      />
      {body}
    </section>
  );
}
