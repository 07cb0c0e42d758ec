// The range of a view's metric charts: 15 min, 1 h, 3 h, the whole session, or a custom from/to. The custom
// inputs keep what was typed through errors and switches to another range, and say what is wrong with each.
import { useState, type FormEvent, type ReactNode } from 'react';
import { parseCustomRange, RANGE_LABELS, toLocalInput, type CustomRangeErrors, type MetricRange, type RangeKind } from '../query/metricsRange';
import { Field } from './Field';

type Props = {
  value: MetricRange;
  onChange: (range: MetricRange) => void;
  /** What "Whole session" means here, for its label ("Whole session", "While in the session"). */
  sessionLabel?: string;
  /** Where a new custom range starts out (the current window), in epoch ms. */
  suggest: { start: number; end: number };
};

const KINDS: RangeKind[] = ['15m', '1h', '3h', 'session', 'custom'];

export function MetricRangePicker({ value, onChange, sessionLabel, suggest }: Props): ReactNode {
  const [custom, setCustom] = useState(value.kind === 'custom');
  const [from, setFrom] = useState(() => toLocalInput(value.kind === 'custom' ? value.from : suggest.start));
  const [to, setTo] = useState(() => toLocalInput(value.kind === 'custom' ? value.to : suggest.end));
  const [errors, setErrors] = useState<CustomRangeErrors>({});

  const pick = (kind: RangeKind) => {
    if (kind === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    setErrors({});
    onChange({ kind });
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCustomRange(from, to, Date.now());
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    onChange(parsed.range);
  };
  const selected: RangeKind = custom ? 'custom' : value.kind;

  return (
    <div className="metric-range">
      <div role="group" aria-label="Time range" className="segmented">
        {KINDS.map((k) => (
          <button key={k} type="button" className="small" aria-pressed={selected === k} onClick={() => pick(k)}>
            {k === 'session' && sessionLabel ? sessionLabel : RANGE_LABELS[k]}
          </button>
        ))}
      </div>
      {custom ? (
        <form className="metric-range-custom" onSubmit={apply} noValidate aria-label="Custom time range">
          <Field label="From" error={errors.from} hint="Your local time.">
            {({ id, describedBy, invalid }) => (
              <input id={id} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <Field label="To" error={errors.to}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <button type="submit">Show this range</button>
        </form>
      ) : null}
    </div>
  );
}
