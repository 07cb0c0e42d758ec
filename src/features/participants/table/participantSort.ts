import type { ParticipantSummary } from '../../../aws/types';
import type { VisibleRange } from '../../../components/DataTable';
import type { Sorters } from '../../../components/sorting';

/** What each sortable column of the participant table (by its key) sorts by. */
export const PARTICIPANT_SORTERS: Sorters<ParticipantSummary> = {
  id: (p) => p.participantId,
  user: (p) => p.userId,
  state: (p) => p.state, // CONNECTED before DISCONNECTED
  // As the column reads: publishing now, published earlier, never published.
  pub: (p) => (p.published ? (p.state === 'CONNECTED' ? 0 : 1) : 2),
  joined: (p) => (p.firstJoinTime ? Date.parse(p.firstJoinTime) : undefined),
  rec: (p) => p.recordingState,
  // Not replicated sorts last, like an empty cell.
  repl: (p) => (p.replicationType === 'NONE' ? undefined : `${p.replicationType} ${p.replicationState ?? ''}`),
};
export const PARTICIPANT_SORT_KEYS = Object.keys(PARTICIPANT_SORTERS);

/** Offsets of each loaded page in the loaded rows (page i starts at starts[i]). */
export function pageStarts(pageLengths: readonly number[]): number[] {
  let at = 0;
  return pageLengths.map((n) => {
    const start = at;
    at += n;
    return start;
  });
}

function pageOf(row: number, starts: readonly number[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The loaded pages that hold the rows shown at positions [start, end): only those are polled. Unsorted, that is
 * a run of neighbouring pages; sorted (`order` maps a shown position to a loaded one), the rows in view can come
 * from any page. Always at least page 0.
 */
export function pagesInView(range: VisibleRange, starts: readonly number[], order: readonly number[] | null): number[] {
  const pages = new Set<number>();
  for (let p = range.start; p < Math.max(range.end, range.start + 1); p++) {
    const row = order ? order[p] : p;
    if (row !== undefined) pages.add(pageOf(row, starts));
  }
  if (pages.size === 0) pages.add(0);
  return [...pages].sort((a, b) => a - b);
}
