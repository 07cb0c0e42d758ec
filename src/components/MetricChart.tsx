// One time-series chart: uPlot on a canvas for the eye, and the same numbers as a table for screen readers and
// copying. Charts of one view share a cursor (uPlot's cursor sync, by `syncKey`), and may carry markers on the time
// axis (a participant's events), drawn as vertical lines and listed in text by the view. This file and uPlot load
// only with the metric views, which are lazy: nothing of it is in the first visit's JavaScript.
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { SimpleTable } from './SimpleTable';
import { formatClock, isoTime } from '../query/time';

/** One series of a chart: epoch-ms points, oldest first. */
export type ChartSeries = { id: string; label: string; points: { t: number; v: number }[] };

export type ChartMarker = { t: number; label: string; tone: 'bad' | 'info' | 'neutral' };

type Props = {
  title: string;
  unit: string;
  series: ChartSeries[];
  format: (v: number) => string;
  /** The time axis (epoch ms): the range asked for, so an empty stretch shows as one. */
  range: { start: number; end: number };
  /** Charts with the same key move one cursor together. */
  syncKey?: string;
  markers?: ChartMarker[];
  /** Counts: the y axis starts at zero, and the line steps (a count holds until the next point) rather than slopes. */
  fromZero?: boolean;
};

const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];
const COLOURS_LIGHT = ['#0b5cad', '#b0140e', '#1d6b2f', '#7a4b00', '#6f42c1', '#545b64'];
const COLOURS_DARK = ['#6cb4ff', '#ff8f87', '#7fd88f', '#ffcc66', '#c9a7ff', '#a9b1ba'];

/** Every series on one shared time axis (seconds, as uPlot wants), with null where a series has no point. */
export function alignSeries(series: ChartSeries[]): [number[], ...(number | null)[][]] {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const ys = series.map((s) => {
    const at = new Map(s.points.map((p) => [p.t, p.v]));
    return xs.map((t) => at.get(t) ?? null);
  });
  return [xs.map((t) => t / 1000), ...ys];
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Vertical lines at the markers' times, coloured by tone, drawn over the plot. */
function markerPlugin(markers: ChartMarker[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx } = u;
          const { top, height } = u.bbox;
          ctx.save();
          for (const m of markers) {
            const x = Math.round(u.valToPos(m.t / 1000, 'x', true));
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
            ctx.strokeStyle = m.tone === 'bad' ? cssVar('--bad', '#b0140e') : m.tone === 'info' ? cssVar('--info', '#0b5cad') : cssVar('--muted', '#545b64');
            ctx.lineWidth = m.tone === 'bad' ? 2 * devicePixelRatio : devicePixelRatio;
            ctx.setLineDash(m.tone === 'bad' ? [] : [4 * devicePixelRatio, 3 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
    },
  };
}

// The canvas takes its colours when it is drawn: a change of the system's colour scheme draws the chart again.
const DARK = '(prefers-color-scheme: dark)';
const subscribeScheme = (cb: () => void): (() => void) => {
  const q = matchMedia(DARK);
  q.addEventListener('change', cb);
  return () => q.removeEventListener('change', cb);
};
const isDark = (): boolean => matchMedia(DARK).matches;

export function MetricChart({ title, unit, series, format, range, syncKey, markers = [], fromZero = false }: Props): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const data = alignSeries(series);
  const dark = useSyncExternalStore(subscribeScheme, isDark, () => false);
  const key = JSON.stringify([data, range, markers, series.map((s) => s.label)]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const colours = dark ? COLOURS_DARK : COLOURS_LIGHT;
    const text = cssVar('--text', dark ? '#e8eaed' : '#16191f');
    const grid = cssVar('--border', dark ? '#3a434d' : '#c6cbd1');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth || 640),
        height: 180,
        cursor: syncKey ? { sync: { key: syncKey } } : {},
        scales: {
          x: { time: true, range: () => [range.start / 1000, range.end / 1000] },
          ...(fromZero ? { y: { range: (_u: uPlot, _min: number, max: number) => [0, Math.max(1, Math.ceil(max * 1.1))] } } : {}),
        },
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: colours[i % colours.length],
            width: 2,
            points: { show: data[0].length < 60 },
            ...(fromZero ? { paths: uPlot.paths.stepped?.({ align: 1 }) } : {}),
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)),
          })),
        ],
        // Counts tick at whole numbers only (a 0.5 tick would print as a second "1").
        axes: [axis, { ...axis, values: (_u: uPlot, ticks: number[]) => ticks.map(format), size: 64, ...(fromZero ? { incrs: COUNT_STEPS } : {}) }],
        plugins: markers.length ? [markerPlugin(markers)] : [],
      },
      data as uPlot.AlignedData,
      el,
    );
    // The chart follows its box's width (a phone turned, a sidebar closed).
    const ro = new ResizeObserver(() => {
      const w = Math.max(280, el.clientWidth);
      if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: 180 });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
    // Rebuilt only when the numbers, range or markers change (key), not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, syncKey, fromZero, dark]);

  const values = series.flatMap((s) => s.points.map((p) => p.v));
  const latest = series.map((s) => `${s.label} ${s.points.length ? format(s.points[s.points.length - 1]!.v) : '–'}`).join(', ');
  const summary = values.length
    ? `${title}: ${series.length} series, from ${format(Math.min(...values))} to ${format(Math.max(...values))} ${unit}, latest ${latest}.`
    : `${title}: no data in this range.`;
  const [xs, ...ys] = data;
  return (
    <figure className="metric-chart" data-testid={`chart-${title}`}>
      <figcaption>
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <div ref={box} className="metric-plot" role="img" aria-label={summary} />
      <details>
        <summary>{title} as a table</summary>
        <SimpleTable
          caption={title}
          className="table metric-table"
          columns={[
            { key: 'time', header: 'Time', rowHeader: true, render: (i: number) => <time dateTime={isoTime((xs[i] ?? 0) * 1000)}>{formatClock((xs[i] ?? 0) * 1000)}</time> },
            ...series.map((s, j) => ({
              key: s.id,
              header: s.label,
              className: 'num',
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

/** The text list that goes with a view's markers: what each line on the time axis is. */
export function MarkerLegend({ markers, title = 'Events on the time axis' }: { markers: ChartMarker[]; title?: string }): ReactNode {
  if (markers.length === 0) return null;
  return (
    <div className="marker-legend">
      <h3>{title}</h3>
      <p className="muted">Solid red lines are errors; dashed lines are other events.</p>
      <ul aria-label={title}>
        {markers.map((m, i) => (
          <li key={`${m.t}-${i}`} data-tone={m.tone}>
            <span className={`marker-swatch marker-${m.tone}`} aria-hidden="true" />
            <time dateTime={isoTime(m.t)}>{formatClock(m.t)}</time> {m.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
