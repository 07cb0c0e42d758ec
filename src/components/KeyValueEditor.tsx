import { useId, type ReactNode } from 'react';

export type KeyValueRow = { key: string; value: string };

export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function rowsBytes(rows: KeyValueRow[]): number {
  return rows.reduce((n, r) => n + utf8Bytes(r.key) + utf8Bytes(r.value), 0);
}

export function rowsToRecord(rows: KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.key !== '' || r.value !== '').map((r) => [r.key, r.value]));
}

export function recordToRows(rec: Record<string, string>): KeyValueRow[] {
  return Object.entries(rec).map(([key, value]) => ({ key, value }));
}

type Props = {
  legend: string;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  /** Shows a live UTF-8 byte count of keys + values against this limit. */
  byteLimit?: number;
  error?: string;
  hint?: ReactNode;
  addLabel?: string;
};

/** Key/value pairs as a list of text inputs; every control is labelled with its row number. */
export function KeyValueEditor({ legend, rows, onChange, byteLimit, error, hint, addLabel = 'Add pair' }: Props): ReactNode {
  const id = useId();
  const bytes = rowsBytes(rows);
  const over = byteLimit !== undefined && bytes > byteLimit;
  const errorId = `${id}-error`;
  // The rows the error is about: those missing a key when that is the trouble, else every row (a limit on the whole
  // set), so a failed submit can take focus to the first of them and a screen reader hears why.
  const invalidRows = new Set<number>(
    error || over ? (rows.some((r) => r.key === '') && error ? rows.flatMap((r, i) => (r.key === '' ? [i] : [])) : rows.map((_, i) => i)) : [],
  );
  const set = (i: number, patch: Partial<KeyValueRow>): void => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className={error || over ? 'kv field-invalid' : 'kv'} aria-describedby={`${id}-status`}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {rows.length === 0 ? <p className="muted">None.</p> : null}
      {rows.map((r, i) => (
        <div className="kv-row" key={i}>
          <input
            aria-label={`${legend} key ${i + 1}`}
            value={r.key}
            onChange={(e) => set(i, { key: e.target.value })}
            placeholder="key"
            aria-invalid={invalidRows.has(i) || undefined}
            aria-describedby={invalidRows.has(i) ? (error ? errorId : `${id}-status`) : undefined}
          />
          <input
            aria-invalid={invalidRows.has(i) || undefined}
            aria-describedby={invalidRows.has(i) ? (error ? errorId : `${id}-status`) : undefined}
            aria-label={`${legend} value ${i + 1}`}
            value={r.value}
            onChange={(e) => set(i, { value: e.target.value })}
            placeholder="value"
          />
          <button type="button" className="small" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove ${legend.toLowerCase()} pair ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <div className="kv-foot">
        <button type="button" className="small" onClick={() => onChange([...rows, { key: '', value: '' }])}>
          {addLabel}
        </button>
        <span id={`${id}-status`} className={over ? 'field-error' : 'muted'} aria-live="polite">
          {byteLimit !== undefined ? `${bytes} of ${byteLimit} bytes used${over ? ' (over the limit)' : ''}` : null}
        </span>
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
