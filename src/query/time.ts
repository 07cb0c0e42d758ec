// The one place that turns instants into text, so a time reads the same on every view and in every file:
// - on screen, in the reader's locale and time zone (Intl), always to the second: events happen seconds apart,
//   and the same event must read the same on the participant page, in the story and in the tables;
// - where freshness matters, as an age ("12 s ago"), with the absolute time beside it for hover;
// - in exports (CSV, JSON, text), ISO 8601 in UTC with a Z, which every tool and every reader's zone agrees on.
// It lives in query/ (plain TypeScript, no React) so that every layer that shows time can import it; a lint rule
// keeps date formatting out of everything else.

type Instant = string | number | Date;

function toDate(t: Instant): Date {
  return t instanceof Date ? t : new Date(t);
}

// Formatters are built once: toLocaleString(…, options) builds a new one per call, which costs a frame in a table
// scrolled at speed.
let dateTimeFormat: Intl.DateTimeFormat | undefined;
let clockFormat: Intl.DateTimeFormat | undefined;
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time to the second in the reader's locale: "Mar 4, 2026, 9:14:10 PM". "—" when there is none. */
export function formatTime(t: Instant | undefined): string {
  if (t === undefined || t === '') return '—';
  const d = toDate(t);
  if (Number.isNaN(d.getTime())) return String(t);
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return dateTimeFormat.format(d);
}

/** Time of day to the second in the reader's locale ("9:14:10 PM"), for moments of the last hours. */
export function formatClock(t: Instant): string {
  const d = toDate(t);
  if (Number.isNaN(d.getTime())) return String(t);
  clockFormat ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
  return clockFormat.format(d);
}

// Ages are written with the polling state (the first load's banners need them); they are part of this module's set.
export { formatAge } from './polling';

/** A length of time: "12 s", "3 min 05 s", "2 h 05 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/**
 * ISO 8601 in UTC for files: "2026-03-04T20:14:05Z" (milliseconds only when there are some). An unreadable
 * value is written as it came, so an export never hides what IVS said.
 */
export function isoTime(t: Instant): string {
  const d = toDate(t);
  if (Number.isNaN(d.getTime())) return String(t);
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * The same instant in a named zone (the reader's when none is given), for exports that add the local time beside
 * the UTC one: "04/03/2026, 21:14:10 CET". Fixed to day/month/year and 24 h so a file reads the same whoever
 * made it.
 */
export function formatInZone(t: Instant, timeZone?: string): string {
  const d = toDate(t);
  if (Number.isNaN(d.getTime())) return String(t);
  const key = timeZone ?? '';
  let f = zoneFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    zoneFormats.set(key, f);
  }
  return f.format(d);
}

/** The text a datetime-local input shows for an epoch ms, in the browser's time zone. */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A datetime-local value (local time) as epoch ms, or undefined when it is not one. */
export function parseLocalInput(text: string): number | undefined {
  const m = LOCAL_INPUT.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  // new Date rolls 31 February over into March: a date that does not exist is not a date.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) return undefined;
  return date.getTime();
}
