import { describe, expect, it } from 'vitest';
import { formatSort, nextSort, parseSort, sortOrder, sortRows, withSort, type SortValue } from './sorting';

type P = { id: string; user?: string; joined?: string };
const byUser = (p: P): SortValue => p.user;
const byJoined = (p: P): SortValue => (p.joined ? Date.parse(p.joined) : undefined);
const ids = (rows: P[]): string[] => rows.map((r) => r.id);

describe('sorting loaded rows', () => {
  it('puts rows without a value last, in both directions', () => {
    const rows: P[] = [{ id: 'a' }, { id: 'b', user: 'zoe' }, { id: 'c', user: '' }, { id: 'd', user: 'amy' }];
    expect(ids(sortRows(rows, byUser, 'ascending'))).toEqual(['d', 'b', 'a', 'c']);
    expect(ids(sortRows(rows, byUser, 'descending'))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('orders times by the instant, not by the text, and numbers numerically', () => {
    const rows: P[] = [
      { id: 'late', joined: '2026-01-02T10:00:00Z' },
      { id: 'offset', joined: '2026-01-02T09:30:00+01:00' }, // 08:30 UTC: earlier, though its text sorts later
      { id: 'early', joined: '2026-01-01T23:59:59Z' },
    ];
    expect(ids(sortRows(rows, byJoined, 'ascending'))).toEqual(['early', 'offset', 'late']);
    expect(sortRows([10, 9, 100, -1], (n) => n, 'ascending')).toEqual([-1, 9, 10, 100]);
  });

  it('compares text case-blind with digit runs as numbers', () => {
    const users = ['fan-10', 'Fan-9', 'fan-100', 'fan-009b', 'alpha'];
    expect(sortRows(users, (u) => u, 'ascending')).toEqual(['alpha', 'Fan-9', 'fan-009b', 'fan-10', 'fan-100']);
  });

  it('keeps the loaded order of equal values, in both directions (stable)', () => {
    const rows: P[] = [
      { id: '1', user: 'b' },
      { id: '2', user: 'a' },
      { id: '3', user: 'b' },
      { id: '4', user: 'a' },
      { id: '5', user: 'B' },
    ];
    expect(ids(sortRows(rows, byUser, 'ascending'))).toEqual(['2', '4', '1', '3', '5']);
    expect(ids(sortRows(rows, byUser, 'descending'))).toEqual(['1', '3', '5', '2', '4']);
    expect(sortOrder(rows, byUser, 'ascending')).toEqual([1, 3, 0, 2, 4]);
  });

  it('sorts 25,000 rows by text well within a frame budget of a deferred render', () => {
    const rows: P[] = Array.from({ length: 25_000 }, (_, i) => ({ id: String(i), user: `viewer-${(i * 7919) % 25_000}` }));
    const t = performance.now();
    const sorted = sortRows(rows, byUser, 'ascending');
    expect(performance.now() - t).toBeLessThan(1000);
    expect(sorted[0]?.user).toBe('viewer-0');
    expect(sorted[24_999]?.user).toBe('viewer-24999');
  });
});

describe('sort state in the URL', () => {
  const keys = ['name', 'region'];

  it('reads and writes "key" and "-key", ignoring unknown columns', () => {
    expect(parseSort('name', keys)).toEqual({ key: 'name', direction: 'ascending' });
    expect(parseSort('-region', keys)).toEqual({ key: 'region', direction: 'descending' });
    expect(parseSort('tags', keys)).toBeNull();
    expect(parseSort('--name', keys)).toBeNull();
    expect(parseSort(null, keys)).toBeNull();
    expect(formatSort({ key: 'region', direction: 'descending' })).toBe('-region');
    expect(formatSort({ key: 'name', direction: 'ascending' })).toBe('name');
  });

  it('a header toggles ascending, descending, then back to the loaded order', () => {
    const asc = nextSort(null, 'name');
    expect(asc).toEqual({ key: 'name', direction: 'ascending' });
    const desc = nextSort(asc, 'name');
    expect(desc).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort(desc, 'name')).toBeNull();
    expect(nextSort(desc, 'region')).toEqual({ key: 'region', direction: 'ascending' });
  });

  it('keeps the other search params of a link', () => {
    expect(withSort('/regions/us-east-1/stages?q=a%20b&tag=team', { key: 'name', direction: 'descending' })).toBe(
      '/regions/us-east-1/stages?q=a+b&tag=team&sort=-name',
    );
    expect(withSort('/regions/us-east-1/stages?sort=name&q=x', null)).toBe('/regions/us-east-1/stages?q=x');
  });
});
