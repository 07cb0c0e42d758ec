import { useState, type ReactNode } from 'react';
import type { ParticipantFilter } from '../../../aws/types';
import { formatFilter, parseFilter, RECORDING_FILTER_VALUES } from './filters';

const PARTICIPANT_ID = /^[a-zA-Z0-9-]{1,64}$/;

/** The server-side filter of the participant table: IVS applies one at a time. */
/**
 * `onFindParticipant` looks the text up as a participant id first (it opens that participant and resolves true);
 * when no participant has that id, the text filters the table by user id instead.
 */
export function ParticipantFilterBar({
  filter,
  onChange,
  onFindParticipant,
}: {
  filter: ParticipantFilter;
  onChange: (f: ParticipantFilter) => void;
  onFindParticipant?: (participantId: string) => Promise<boolean>;
}): ReactNode {
  const [userId, setUserId] = useState(filter.kind === 'userId' ? filter.value : '');
  const [finding, setFinding] = useState(false);
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
          const text = userId.trim();
          if (!text) return onChange({ kind: 'none' });
          // Participant ids are letters, digits and hyphens; anything else can only be a user id.
          if (!onFindParticipant || !PARTICIPANT_ID.test(text)) return onChange({ kind: 'userId', value: text });
          setFinding(true);
          void onFindParticipant(text)
            .then((found) => {
              if (!found) onChange({ kind: 'userId', value: text });
            })
            .finally(() => setFinding(false));
        }}
      >
        <label>
          Participant id or user id <input type="search" value={userId} onChange={(e) => setUserId(e.target.value)} spellCheck={false} />
        </label>
        <button type="submit" className="small" disabled={finding}>
          {finding ? 'Finding…' : 'Find'}
        </button>
      </form>
      <span className="hint">IVS applies one filter at a time.</span>
    </div>
  );
}
