// Display helpers shared by every view: times and ARNs the way an operator reads them.

// One formatter for every cell: toLocaleString(…, options) builds a new one per call, which costs a frame in a
// table scrolled at speed.
let timeFormat: Intl.DateTimeFormat | undefined;
export function formatTime(isoTime: string | undefined): string {
  if (!isoTime) return '—';
  const d = new Date(isoTime);
  timeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return Number.isNaN(d.getTime()) ? isoTime : timeFormat.format(d);
}

/** The 12-character id at the end of a stage ARN. */
export function stageIdOf(arn: string): string {
  const i = arn.lastIndexOf('/');
  return i >= 0 ? arn.slice(i + 1) : arn;
}
