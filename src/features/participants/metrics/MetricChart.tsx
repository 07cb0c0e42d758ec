// One time-series chart: uPlot on a canvas for the eye, and the same numbers as a table for screen readers and
// copying. This file and uPlot load only with the participant's metrics (ParticipantMetrics is lazy).
import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricSeries } from '../../../aws/cloudwatch';
import { SimpleTable } from '../../../components/SimpleTable';
import { formatClock } from '../../../query/time';

const COLOURS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#57606a'];

type Props = { title: string; unit: string; series: MetricSeries[]; format: (v: number) => string };

/** Every series on one shared time axis (seconds), with null where a series has no point. */
function align(series: MetricSeries[]): [number[], ...(number | null)[][]] {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const ys = series.map((s) => {
    const at = new Map(s.points.map((p) => [p.t, p.v]));
    return xs.map((t) => at.get(t) ?? null);
  });
  return [xs.map((t) => t / 1000), ...ys];
}

export function MetricChart({ title, unit, series, format }: Props): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const data = align(series);
  const key = JSON.stringify(data);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth || 640),
        height: 180,
        series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2, value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)) }))],
        axes: [{}, { values: (_u: uPlot, ticks: number[]) => ticks.map(format), size: 70 }],
      },
      JSON.parse(key) as uPlot.AlignedData,
      el,
    );
    return () => plot.destroy();
    // The chart is rebuilt only when the numbers change (key), not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const values = series.flatMap((s) => s.points.map((p) => p.v));
  const summary = values.length
    ? `${title}: ${series.length} series, from ${format(Math.min(...values))} to ${format(Math.max(...values))} ${unit}, latest ${format(series[0]?.points.at(-1)?.v ?? 0)} ${unit}.`
    : `${title}: no data.`;
  const [xs, ...ys] = data;
  return (
    <figure className="metric-chart" data-testid={`chart-${title}`}>
      <figcaption>
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <div ref={box} role="img" aria-label={summary} />
      <details>
        <summary>{title} as a table</summary>
        <SimpleTable
          caption={title}
          className=""
          columns={[
            { key: 'time', header: 'Time', rowHeader: true, render: (i: number) => formatClock((xs[i] ?? 0) * 1000) },
            ...series.map((s, j) => ({
              key: s.id,
              header: s.label,
              render: (i: number) => {
                const y = ys[j]?.[i];
                return y === null || y === undefined ? '–' : format(y);
              },
            })),
          ]}
          rows={xs.map((_x, i) => i)}
          rowKey={(i) => String(xs[i])}
        />
      </details>
    </figure>
  );
}
