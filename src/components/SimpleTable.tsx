// The small table every short list uses (a few rows, no windowing or sorting), so all of them share one markup:
// a <caption> that names the table for screen readers, column headers with scope, and the same CSS classes.
// Columns are DataTable's, so a list that grows can move to the windowed table without rewriting them.
import type { ReactNode } from 'react';
import type { Column } from './DataTable';

export type SimpleColumn<T> = Column<T> & {
  /** The cell is the row's header (<th scope="row">), e.g. the time of a reading. */
  rowHeader?: boolean;
};

type Props<T> = {
  /** The table's accessible name; shown only to screen readers unless `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  columns: readonly SimpleColumn<T>[];
  /** Rows rendered one <tr> each from the columns; or `body` when a row needs its own component (own query). */
  rows?: readonly T[];
  rowKey?: (row: T) => string;
  rowProps?: (row: T) => { className?: string; 'aria-current'?: 'true' };
  /** Rows built by the caller, for rows that load themselves; they must follow the columns. */
  body?: ReactNode;
  className?: string;
};

export function SimpleTable<T>({ caption, showCaption = false, columns, rows, rowKey, rowProps, body, className = 'table' }: Props<T>): ReactNode {
  return (
    <table className={className || undefined}>
      <caption className={showCaption ? undefined : 'sr-only'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.key} className={c.className}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {body ?? rows?.map((row, i) => <SimpleRow key={rowKey ? rowKey(row) : i} row={row} columns={columns} {...rowProps?.(row)} />)}
      </tbody>
    </table>
  );
}

/** One row from the columns; a `body` of rows that load themselves is built of these. */
export function SimpleRow<T>({ row, columns, className, 'aria-current': current }: { row: T; columns: readonly SimpleColumn<T>[]; className?: string; 'aria-current'?: 'true' }): ReactNode {
  return (
    <tr className={className} aria-current={current}>
      {columns.map((c) =>
        c.rowHeader ? (
          <th scope="row" key={c.key} className={c.className}>
            {c.render(row)}
          </th>
        ) : (
          <td key={c.key} className={c.className}>
            {c.render(row)}
          </td>
        ),
      )}
    </tr>
  );
}
