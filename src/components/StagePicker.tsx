import { useId, useState, type ReactNode } from 'react';
import type { StageSummary } from '../aws/types';
import { stageIdOf } from './format';

/** Matches shown at once; typing narrows the rest. */
const SHOWN = 30;

/** Stages whose name or id contains the text (case-insensitive); every stage when it is empty. */
export function filterStages(stages: readonly StageSummary[], text: string): StageSummary[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...stages];
  return stages.filter((s) => s.name.toLowerCase().includes(needle) || stageIdOf(s.arn).toLowerCase().includes(needle) || s.arn === text.trim());
}

/**
 * Several stages picked by name: a filter box over a list of checkboxes, each a stage's name with its id (two
 * stages may share a name) and whether it is live. Pasting ARNs elsewhere keeps working; this only adds to them.
 */
export function StagePicker({
  legend,
  stages,
  selected,
  onToggle,
  exclude = [],
}: {
  legend: string;
  stages: readonly StageSummary[];
  selected: readonly string[];
  onToggle: (arn: string, on: boolean) => void;
  exclude?: readonly string[];
}): ReactNode {
  const [text, setText] = useState('');
  const id = useId();
  const offered = filterStages(stages, text).filter((s) => !exclude.includes(s.arn));
  const shown = offered.slice(0, SHOWN);
  return (
    <fieldset className="stage-picker">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-filter`}>Filter stages by name or id</label>
      <input id={`${id}-filter`} type="search" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
      <p className="hint" role="status">
        {offered.length === 0 ? 'No stage matches.' : offered.length > SHOWN ? `${SHOWN} of ${offered.length} shown; type to narrow.` : `${offered.length} stages.`}
        {selected.length ? ` ${selected.length} picked.` : ''}
      </p>
      <ul className="plain stage-options">
        {shown.map((s) => (
          <li key={s.arn}>
            <label>
              <input type="checkbox" checked={selected.includes(s.arn)} onChange={(e) => onToggle(s.arn, e.target.checked)} />{' '}
              <span className="stage-name">{s.name || '(unnamed)'}</span> <code className="stage-id muted">{stageIdOf(s.arn)}</code>
              {s.activeSessionId ? <span className="muted"> · live</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
