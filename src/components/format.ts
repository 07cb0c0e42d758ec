// Display helpers shared by every view: times and ARNs the way an operator reads them.

export function formatTime(isoTime: string | undefined): string {
  if (!isoTime) return '—';
  const d = new Date(isoTime);
  return Number.isNaN(d.getTime()) ? isoTime : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The 12-character id at the end of a stage ARN. */
export function stageIdOf(arn: string): string {
  const i = arn.lastIndexOf('/');
  return i >= 0 ? arn.slice(i + 1) : arn;
}
