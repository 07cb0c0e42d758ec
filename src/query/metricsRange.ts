// The time ranges of the metric charts and the CloudWatch period each one is read at. The period is chosen so that
// a query is one GetMetricData call that CloudWatch answers in full: within its retention rules (a start older than
// 3 h, 15 days or 63 days needs a coarser period, or nothing comes back), with few enough points per series to draw
// one per pixel or so, and few enough in all to fit MaxDatapoints' default without paging.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** CloudWatch's retention by period (GetMetricData docs): sub-minute 3 h, 1 min 15 days, 5 min 63 days, 1 h 455 days. */
export const RETENTION = { highResolutionMs: 3 * HOUR, oneMinuteMs: 15 * DAY, fiveMinuteMs: 63 * DAY, oneHourMs: 455 * DAY } as const;
/** GetMetricData's default MaxDatapoints: a request asking for more comes back in pages. */
export const MAX_DATAPOINTS_PER_CALL = 100_800;
/** Points per series: about one per pixel of a wide chart; more only costs bytes. */
export const MAX_POINTS_PER_SERIES = 720;
/**
 * The periods a chart may use. Nothing finer than 10 s: AWS is silent on the resolution of AWS/IVSRealTime (its
 * advocates query 5 s), and 10 s is already finer than any chart here draws.
 */
export const PERIODS_S = [10, 30, 60, 300, 900, 3600, 21_600, 86_400] as const;
/**
 * A sub-minute period is used only while the range starts this far inside the 3 h of high-resolution retention:
 * a live window slides, and a start that ages past 3 h between two refreshes would come back empty.
 */
const HIGH_RES_MARGIN_MS = 10 * MINUTE;

export type RangeKind = '15m' | '1h' | '3h' | 'session' | 'custom';
export type MetricRange = { kind: '15m' | '1h' | '3h' | 'session' } | { kind: 'custom'; from: number; to: number };

export const RANGE_LABELS: Record<RangeKind, string> = { '15m': '15 min', '1h': '1 h', '3h': '3 h', session: 'Whole session', custom: 'Custom' };
const RELATIVE_MS: Record<'15m' | '1h' | '3h', number> = { '15m': 15 * MINUTE, '1h': HOUR, '3h': 3 * HOUR };

/** The session (or the participant's stay in it) that "Whole session" means: from its start to its end, or now. */
export type SessionSpan = { start: number; end?: number };

export type MetricWindow = {
  /** Epoch ms, aligned down to the period (inclusive). */
  start: number;
  /** Epoch ms, aligned up to the period (exclusive). */
  end: number;
  periodS: number;
  /** The range ends now and moves with the clock: its charts refresh. */
  live: boolean;
  /** Why the range was shortened (its start was before CloudWatch's retention), for the view to say. */
  note?: string;
};

export type WindowResult =
  | { kind: 'ok'; window: MetricWindow }
  /** The whole range is older than CloudWatch keeps any data. */
  | { kind: 'outside-retention'; oldest: number }
  /** "Whole session" without a session to span. */
  | { kind: 'no-session' };

/**
 * The period for a range from `start` to `end` (epoch ms) read at `now` with `queries` metrics in one call: the
 * finest of PERIODS_S that retention allows for a start that old, that keeps each series within
 * MAX_POINTS_PER_SERIES and the call within MAX_DATAPOINTS_PER_CALL.
 */
export function choosePeriod(start: number, end: number, now: number, queries = 1): number {
  const age = now - start;
  const floorS = age > RETENTION.fiveMinuteMs ? 3600 : age > RETENTION.oneMinuteMs ? 300 : age > RETENTION.highResolutionMs - HIGH_RES_MARGIN_MS ? 60 : 0;
  const spanS = Math.max(1, (end - start) / SECOND);
  for (const p of PERIODS_S) {
    if (p < floorS || p % (floorS || 1) !== 0) continue;
    const points = Math.ceil(spanS / p);
    if (points <= MAX_POINTS_PER_SERIES && points * Math.max(1, queries) <= MAX_DATAPOINTS_PER_CALL) return p;
  }
  return PERIODS_S[PERIODS_S.length - 1];
}

const alignDown = (t: number, periodS: number): number => Math.floor(t / (periodS * SECOND)) * periodS * SECOND;
const alignUp = (t: number, periodS: number): number => Math.ceil(t / (periodS * SECOND)) * periodS * SECOND;

/** The window a range means at `now`: start and end aligned to the chosen period, clipped to retention. */
export function resolveWindow(range: MetricRange, now: number, session: SessionSpan | undefined, queries = 1): WindowResult {
  let start: number;
  let end: number;
  let live: boolean;
  if (range.kind === 'session') {
    if (!session) return { kind: 'no-session' };
    start = session.start;
    live = session.end === undefined;
    end = session.end ?? now;
  } else if (range.kind === 'custom') {
    start = range.from;
    end = Math.min(range.to, now);
    live = false;
  } else {
    end = now;
    start = now - RELATIVE_MS[range.kind];
    live = true;
  }
  const oldest = now - RETENTION.oneHourMs;
  if (end <= oldest) return { kind: 'outside-retention', oldest };
  let note: string | undefined;
  if (start < oldest) {
    start = oldest;
    note = 'CloudWatch keeps data for 455 days (at one-hour resolution); the range is shortened to start there.';
  }
  // A session that started a moment ago still gets a minute to draw.
  if (end - start < MINUTE) start = end - MINUTE;
  const periodS = choosePeriod(start, end, now, queries);
  return { kind: 'ok', window: { start: alignDown(start, periodS), end: alignUp(end, periodS), periodS, live, ...(note ? { note } : {}) } };
}

// The custom range's inputs speak datetime-local; the conversion lives with every other time format.
import { parseLocalInput } from './time';
export { parseLocalInput, toLocalInput } from './time';

export type CustomRangeErrors = { from?: string; to?: string };

/**
 * A custom range from the two inputs, or the problem with each. A range that is merely old is not an error:
 * the view says it is outside CloudWatch's retention.
 */
export function parseCustomRange(fromText: string, toText: string, now: number): { range: MetricRange } | { errors: CustomRangeErrors } {
  const errors: CustomRangeErrors = {};
  const from = parseLocalInput(fromText);
  const to = parseLocalInput(toText);
  if (!fromText.trim()) errors.from = 'Enter the start of the range.';
  else if (from === undefined) errors.from = `"${fromText}" is not a date and time; use the form 2026-12-05T14:30.`;
  else if (from >= now) errors.from = 'The start is in the future; CloudWatch has no data there yet.';
  if (!toText.trim()) errors.to = 'Enter the end of the range.';
  else if (to === undefined) errors.to = `"${toText}" is not a date and time; use the form 2026-12-05T15:30.`;
  else if (from !== undefined && to <= from) errors.to = 'The end must be after the start.';
  else if (from !== undefined && to - from < MINUTE) errors.to = 'The range must be at least one minute long.';
  else if (from !== undefined && to - from > RETENTION.oneHourMs) errors.to = 'The range can span at most 455 days, all CloudWatch keeps.';
  if (errors.from || errors.to || from === undefined || to === undefined) return { errors };
  return { range: { kind: 'custom', from, to } };
}

/** A short description of a window for headings and summaries ("10:05–10:20, 10-second points"). */
export function describePeriod(periodS: number): string {
  if (periodS < 60) return `${periodS}-second points`;
  if (periodS < 3600) return `${periodS / 60}-minute points`;
  if (periodS < 86_400) return `${periodS / 3600}-hour points`;
  return `${periodS / 86_400}-day points`;
}
