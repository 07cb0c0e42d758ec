import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { nextSort, type SortState } from './sorting';

// A windowed table: a real <table> whose <tbody> holds only the rows in view plus a few either side,
// between two spacer rows that keep the scroll height. Rows have one fixed height. Screen readers get the full
// size from aria-rowcount and each row's place from aria-rowindex; the header stays in view (sticky); the
// scroll box is focusable, so arrow keys, Page Up/Down, Home and End scroll it. Sortable columns get a button in
// their header (aria-sort on the header cell); the parent sorts the rows (components/sorting.ts).

export type Column<T> = {
  key: string;
  header: ReactNode;
  className?: string;
  render: (row: T) => ReactNode;
};

export type VisibleRange = { start: number; end: number };

/** Sortable columns: `keys` name them; the parent keeps `sort` (in the URL) and passes the rows sorted. */
export type TableSorting = {
  keys: readonly string[];
  sort: SortState | null;
  onChange: (sort: SortState | null) => void;
  /** True while the rows shown are still in the previous order (a large sort running at low priority). */
  pending?: boolean;
};

type Props<T> = {
  caption: ReactNode;
  /** Accessible name of the scroll region. */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Rows that exist beyond `rows` but are not loaded yet (aria-rowcount then says "unknown"). */
  more?: boolean;
  rowHeight?: number;
  /** Height of the scroll box when the rows overflow it. */
  maxHeight?: number;
  /** Rows rendered beyond each edge of the view. Few: a fast scroll replaces every row each frame anyway, and
   * each extra row costs render, style and layout time in that frame (the bench's slowest-frame bar). */
  overscan?: number;
  /** Called with the rows in view (without overscan) once scrolling pauses (RANGE_DELAY_MS), so a parent
   * that polls the rows in view does not re-render on every frame of a scroll; and again when other rows move into view. */
  onRangeChange?: (range: VisibleRange) => void;
  /** Called when the last loaded row comes into view. */
  onEndReached?: () => void;
  sorting?: TableSorting;
  testId?: string;
};

export const ROW_HEIGHT = 36;
const RANGE_DELAY_MS = 120;
/** Up to this many rows are all rendered (find-in-page and tests see them); windowing starts above it. */
const RENDER_ALL_UP_TO = 60;
const HEADER_HEIGHT = 38;

export function DataTable<T>({
  caption,
  label,
  columns,
  rows,
  rowKey,
  more = false,
  rowHeight = ROW_HEIGHT,
  maxHeight = 560,
  overscan = 2,
  onRangeChange,
  onEndReached,
  sorting,
  testId,
}: Props<T>): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(maxHeight - HEADER_HEIGHT);
  // A horizontal scrollbar (a narrow window) takes height from the box; a short table gets it back, so its few
  // rows are never trapped behind a vertical scroll of a few pixels.
  const [hbar, setHbar] = useState(0);
  const height = Math.min(maxHeight, HEADER_HEIGHT + rows.length * rowHeight + 2 + hbar);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      setViewport(Math.max(rowHeight, el.clientHeight - HEADER_HEIGHT));
      setHbar(el.scrollWidth > el.clientWidth ? Math.max(0, el.offsetHeight - el.clientHeight - 2) : 0);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [rowHeight]);

  const firstVisible = Math.min(rows.length, Math.floor(scrollTop / rowHeight));
  const lastVisible = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowHeight));
  const small = rows.length <= RENDER_ALL_UP_TO;
  const start = small ? 0 : Math.max(0, firstVisible - overscan);
  const end = small ? rows.length : Math.min(rows.length, lastVisible + overscan);

  const rangeCb = useRef(onRangeChange);
  const endCb = useRef(onEndReached);
  useEffect(() => {
    rangeCb.current = onRangeChange;
    endCb.current = onEndReached;
  });
  // Reported again when other rows come to the same positions (a new sort): told apart by the first and last
  // row in view, so a parent that passes an equal new array on every render is not called again.
  const edge = (i: number): string => (rows[i] === undefined ? '' : rowKey(rows[i] as T));
  const inViewKey = `${edge(firstVisible)}\n${edge(lastVisible - 1)}`;
  useEffect(() => {
    const t = setTimeout(() => rangeCb.current?.({ start: firstVisible, end: lastVisible }), RANGE_DELAY_MS);
    return () => clearTimeout(t);
  }, [firstVisible, lastVisible, inViewKey]);
  useEffect(() => {
    if (rows.length > 0 && lastVisible >= rows.length - 1) endCb.current?.();
  }, [lastVisible, rows.length]);

  // Rows removed under the scroll position (a filter): keep the position inside the table.
  useEffect(() => {
    const el = box.current;
    if (el && el.scrollTop > rows.length * rowHeight) el.scrollTop = Math.max(0, rows.length * rowHeight - viewport);
  }, [rows.length, rowHeight, viewport]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const el = box.current;
    if (!el || e.target !== el) return; // keys inside a cell (links, buttons) keep their own meaning
    const page = Math.max(rowHeight, viewport - rowHeight);
    const moves: Record<string, number> = { ArrowDown: rowHeight, ArrowUp: -rowHeight, PageDown: page, PageUp: -page, ' ': page };
    if (e.key === 'Home') el.scrollTop = 0;
    else if (e.key === 'End') el.scrollTop = el.scrollHeight;
    else if (e.key in moves) el.scrollTop += moves[e.key] as number;
    else return;
    e.preventDefault();
  };

  const colCount = columns.length;
  const sorted = sorting?.sort ? columns.find((c) => c.key === sorting.sort?.key) : undefined;
  const sortedBy = sorted && sorting?.sort ? `, sorted by ${typeof sorted.header === 'string' ? sorted.header : sorted.key}, ${sorting.sort.direction}` : '';
  // Stable while scrolling (the table renders on every scroll frame; the memoised headers then do not).
  const onSort = useCallback(
    (key: string): void => {
      if (!sorting) return;
      if (box.current) box.current.scrollTop = 0; // a new order starts at its top
      sorting.onChange(nextSort(sorting.sort, key));
    },
    [sorting],
  );
  return (
    <div
      ref={box}
      className="datatable"
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{ height, overflowY: 'auto' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <table className="table" aria-rowcount={more ? -1 : rows.length + 1} aria-busy={sorting?.pending || undefined}>
        <caption className="sr-only">
          {caption}
          {sortedBy}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) =>
              sorting?.keys.includes(c.key) ? (
                <SortHeader key={c.key} column={c} sort={sorting.sort} onSort={onSort} />
              ) : (
                <th key={c.key} scope="col" className={c.className} style={{ height: HEADER_HEIGHT }}>
                  {c.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {start > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={colCount} style={{ height: start * rowHeight, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {rows.slice(start, end).map((row, i) => (
            <Row key={rowKey(row)} row={row} columns={columns as readonly Column<unknown>[]} index={start + i + 2} height={rowHeight} />
          ))}
          {end < rows.length ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={colCount} style={{ height: (rows.length - end) * rowHeight, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** A sortable column's header: a button (Enter and Space work as on any button), its order as aria-sort and an arrow. */
const SortHeader = memo(function SortHeader({ column, sort, onSort }: { column: Column<never>; sort: SortState | null; onSort: (key: string) => void }): ReactNode {
  const direction = sort?.key === column.key ? sort.direction : 'none';
  const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <th scope="col" className={column.className} style={{ height: HEADER_HEIGHT }} aria-sort={direction}>
      <button type="button" className="sort-button" data-sort={direction} onClick={() => onSort(column.key)}>
        {column.header}
        <span className="sort-arrow" aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
});

/** One row; rows that stay in the window while scrolling are not rendered again. */
const Row = memo(function Row({ row, columns, index, height }: { row: unknown; columns: readonly Column<unknown>[]; index: number; height: number }): ReactNode {
  return (
    <tr aria-rowindex={index} style={{ height }}>
      {columns.map((c) => (
        <td key={c.key} className={c.className}>
          {c.render(row)}
        </td>
      ))}
    </tr>
  );
});
