// Sorting of loaded rows: the view's sort lives in the URL ("sort=name" or "sort=-name"), the table
// headers toggle it, and the rows are sorted in a deferred, memoised step, so typing in a filter box never waits
// for 25,000 rows to be ordered again.
import { useDeferredValue, useMemo } from 'react';

export type SortDirection = 'ascending' | 'descending';
export type SortState = { key: string; direction: SortDirection };
/** What a column sorts by: text (natural order: "fan-2" before "fan-10"), a number (times as epoch ms), or nothing. */
export type SortValue = string | number | null | undefined;
/** The columns of a view that can be sorted, each with the value it sorts by. */
export type Sorters<T> = Readonly<Record<string, (row: T) => SortValue>>;

/** The `sort` search param, if it names one of `keys`: "joined" is ascending, "-joined" descending (as JSON:API). */
export function parseSort(raw: string | null, keys: readonly string[]): SortState | null {
  if (!raw) return null;
  const descending = raw.startsWith('-');
  const key = descending ? raw.slice(1) : raw;
  return keys.includes(key) ? { key, direction: descending ? 'descending' : 'ascending' } : null;
}

export function formatSort(sort: SortState | null): string | undefined {
  if (!sort) return undefined;
  return sort.direction === 'descending' ? `-${sort.key}` : sort.key;
}

/** A header click: another column starts ascending; the same one goes ascending → descending → unsorted. */
export function nextSort(current: SortState | null, key: string): SortState | null {
  if (current?.key !== key) return { key, direction: 'ascending' };
  return current.direction === 'ascending' ? { key, direction: 'descending' } : null;
}

/** `href` with its `sort` search param set to `sort` (or removed). */
export function withSort(href: string, sort: SortState | null): string {
  const url = new URL(href, 'http://greenroom.invalid');
  const value = formatSort(sort);
  if (value) url.searchParams.set('sort', value);
  else url.searchParams.delete('sort');
  return url.pathname + url.search;
}

type Key = string | number | null;

/** Text compares case-blind with digit runs as numbers; precomputed once per row, so comparing stays cheap. */
function keyOf(v: SortValue): Key {
  if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (typeof v === 'number') return v;
  return v.toLowerCase().replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}

function compareKeys(a: Exclude<Key, null>, b: Exclude<Key, null>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1; // numbers before text, should a column mix them
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The positions of `rows` in sorted order. Empty values go last in both directions; equal values keep their
 * loaded order (the API's), in both directions, so a descending sort is not the ascending one reversed.
 */
export function sortOrder<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): number[] {
  const keys = rows.map((r) => keyOf(value(r)));
  const sign = direction === 'ascending' ? 1 : -1;
  const order = keys.map((_, i) => i);
  order.sort((i, j) => {
    const a = keys[i] as Key;
    const b = keys[j] as Key;
    if (a === null || b === null) return a === b ? i - j : a === null ? 1 : -1;
    return sign * compareKeys(a, b) || i - j;
  });
  return order;
}

export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): T[] {
  return sortOrder(rows, value, direction).map((i) => rows[i] as T);
}

export type Sorted<T> = {
  rows: readonly T[];
  /** Position in `rows` (sorted) → position in the loaded rows; null when unsorted. */
  order: readonly number[] | null;
  /** The sort applied to `rows` (it trails the requested one while a large sort is still running). */
  applied: SortState | null;
};

/**
 * `rows` in the order of `sort`, computed at low priority (useDeferredValue) and only when the rows or the sort
 * change. The header shows the new sort at once; the rows follow as soon as the sort is done. `sorters` must be
 * stable (a module constant or memoised), or every render sorts again.
 */
export function useSortedRows<T>(rows: readonly T[], sorters: Sorters<T>, sort: SortState | null): Sorted<T> {
  const deferredRows = useDeferredValue(rows);
  const deferredSort = useDeferredValue(sort);
  const key = deferredSort?.key;
  const direction = deferredSort?.direction;
  const value = key === undefined ? undefined : sorters[key];
  const sorted = useMemo((): Sorted<T> => {
    if (!value || !direction || key === undefined) return { rows: deferredRows, order: null, applied: null };
    const order = sortOrder(deferredRows, value, direction);
    return { rows: order.map((i) => deferredRows[i] as T), order, applied: { key, direction } };
  }, [deferredRows, value, direction, key]);
  // Unsorted, the rows pass straight through: no deferred render on every refresh.
  return sort === null && deferredSort === null ? { rows, order: null, applied: null } : sorted;
}
