import { useState, type ReactNode } from 'react';
import type { ParticipantFilter } from '../../../aws/types';
import { formatFilter, parseFilter, RECORDING_FILTER_VALUES } from './filters';

/** The server-side filter of the participant table: IVS applies one at a time. */
export function ParticipantFilterBar({ filter, onChange }: { filter: ParticipantFilter; onChange: (f: ParticipantFilter) => void }): ReactNode {
  const [userId, setUserId] = useState(filter.kind === 'userId' ? filter.value : '');
  const select =
    filter.kind === 'none' ? '' : filter.kind === 'published' ? 'published' : filter.kind === 'userId' ? 'userId' : formatFilter(filter);
  return (
    <div className="toolbar">
      <label>
        Show{' '}
        <select
          value={select}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'userId') onChange(userId ? { kind: 'userId', value: userId } : { kind: 'none' });
            else onChange(parseFilter(v));
          }}
        >
          <option value="">All participants</option>
          <option value="state:CONNECTED">Connected</option>
          <option value="state:DISCONNECTED">Disconnected</option>
          <option value="published">Have published</option>
          <option value="userId">With user id…</option>
          {RECORDING_FILTER_VALUES.map((r) => (
            <option key={r} value={`recordingState:${r}`}>{`Recording ${r.toLowerCase()}`}</option>
          ))}
        </select>
      </label>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          onChange(userId ? { kind: 'userId', value: userId } : { kind: 'none' });
        }}
      >
        <label>
          User id <input type="search" value={userId} onChange={(e) => setUserId(e.target.value)} />
        </label>
        <button type="submit" className="small">
          Find user
        </button>
      </form>
      <span className="hint">IVS applies one filter at a time.</span>
    </div>
  );
}
