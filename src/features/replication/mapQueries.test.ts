import { describe, expect, it } from 'vitest';
import { budgetPerMinute } from '../../query/budget';
import { mapInterval } from './mapQueries';

describe('replication map polling', () => {
  it('polls at the configured interval while few stages are live', () => {
    expect(mapInterval(5_000, { ListStages: 1, ListParticipants: 3 })).toBe(5_000);
  });

  it('stretches the interval so ListParticipants stays within half of 5 TPS however many stages are live', () => {
    for (const live of [10, 40, 100, 250]) {
      const ms = mapInterval(5_000, { ListStages: 3, ListParticipants: live });
      expect((live * 60_000) / ms).toBeLessThanOrEqual(budgetPerMinute('ListParticipants') + 1e-9);
    }
    expect(mapInterval(5_000, { ListStages: 1, ListParticipants: 40 })).toBe(16_000);
  });
});
