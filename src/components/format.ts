// Display helpers shared by every view: ARNs and counts the way an operator reads them. Times are formatted in
// query/time.ts; formatTime is passed on from there for the views that import it from here.
export { formatTime } from '../query/time';

const countFormat = new Intl.NumberFormat('en-US');
/** "12,345": counts with grouping, the same in every locale so that a count reads the same in every view. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** The 12-character id at the end of a stage ARN. */
export function stageIdOf(arn: string): string {
  const i = arn.lastIndexOf('/');
  return i >= 0 ? arn.slice(i + 1) : arn;
}
