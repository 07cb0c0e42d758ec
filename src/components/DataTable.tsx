import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

// A windowed table (issue 7): a real <table> whose <tbody> holds only the rows in view plus a few either side,
// between two spacer rows that keep the scroll height. Rows have one fixed height. Screen readers get the full
// size from aria-rowcount and each row's place from aria-rowindex; the header stays in view (sticky); the
// scroll box is focusable, so arrow keys, Page Up/Down, Home and End scroll it.

export type Column<T> = {
  key: string;
  header: ReactNode;
  className?: string;
  render: (row: T) => ReactNode;
};

export type VisibleRange = { start: number; end: number };

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
  overscan?: number;
  /** Called with the rows in view (without overscan) once scrolling pauses (RANGE_DELAY_MS), so a parent
   * that polls the rows in view does not re-render on every frame of a scroll. */
  onRangeChange?: (range: VisibleRange) => void;
  /** Called when the last loaded row comes into view. */
  onEndReached?: () => void;
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
  overscan = 6,
  onRangeChange,
  onEndReached,
  testId,
}: Props<T>): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(maxHeight - HEADER_HEIGHT);
  const height = Math.min(maxHeight, HEADER_HEIGHT + rows.length * rowHeight + 2);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setViewport(Math.max(rowHeight, el.clientHeight - HEADER_HEIGHT)));
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
  useEffect(() => {
    const t = setTimeout(() => rangeCb.current?.({ start: firstVisible, end: lastVisible }), RANGE_DELAY_MS);
    return () => clearTimeout(t);
  }, [firstVisible, lastVisible]);
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
      <table className="table" aria-rowcount={more ? -1 : rows.length + 1}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className} style={{ height: HEADER_HEIGHT }}>
                {c.header}
              </th>
            ))}
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
