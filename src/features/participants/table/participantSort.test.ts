import { describe, expect, it } from 'vitest';
import type { ParticipantSummary } from '../../../aws/types';
import { sortRows } from '../../../components/sorting';
import { pagesInView, pageStarts, PARTICIPANT_SORTERS } from './participantSort';

const p = (participantId: string, more: Partial<ParticipantSummary> = {}): ParticipantSummary => ({ participantId, published: false, replicationType: 'NONE', ...more });

describe('participant table sorting', () => {
  it('polls the pages of the rows in view: neighbours unsorted, any page when sorted', () => {
    const starts = pageStarts([100, 100, 100, 40]);
    expect(starts).toEqual([0, 100, 200, 300]);
    expect(pagesInView({ start: 0, end: 15 }, starts, null)).toEqual([0]);
    expect(pagesInView({ start: 95, end: 110 }, starts, null)).toEqual([0, 1]);
    expect(pagesInView({ start: 330, end: 345 }, starts, null)).toEqual([3]);
    // Sorted: shown rows 0-2 are loaded rows 250, 5 and 301.
    expect(pagesInView({ start: 0, end: 3 }, starts, [250, 5, 301, 0])).toEqual([0, 2, 3]);
    expect(pagesInView({ start: 0, end: 0 }, [], null)).toEqual([0]);
  });

  it('sorts "Publishing" as the column reads, and "First joined" by time with unknown times last', () => {
    const rows = [
      p('never'),
      p('earlier', { published: true, state: 'DISCONNECTED', firstJoinTime: '2026-03-01T10:00:05Z' }),
      p('now', { published: true, state: 'CONNECTED', firstJoinTime: '2026-03-01T10:00:01Z' }),
    ];
    expect(sortRows(rows, PARTICIPANT_SORTERS.pub!, 'ascending').map((r) => r.participantId)).toEqual(['now', 'earlier', 'never']);
    expect(sortRows(rows, PARTICIPANT_SORTERS.joined!, 'descending').map((r) => r.participantId)).toEqual(['earlier', 'now', 'never']);
  });
});
