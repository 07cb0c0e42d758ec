import type { ReactNode } from 'react';
import type { ParticipantSummary } from '../../../aws/types';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { toCsv } from '../../../components/csv';
import { formatCount } from '../../../components/format';
import { isoTime } from '../../../query/time';
import { safeFileName } from '../../../components/untrusted';
import type { LoadAllState } from './loadAllPages';

/** Participants as CSV: formula-looking cells are defused, the file name is built from safe characters only. */
export function downloadCsv(sessionId: string, rows: readonly ParticipantSummary[]): void {
  const csv = toCsv(
    ['participantId', 'userId', 'state', 'published', 'firstJoinTime', 'recordingState', 'replicationType', 'replicationState'],
    rows.map((p) => [p.participantId, p.userId, p.state, p.published, p.firstJoinTime ? isoTime(p.firstJoinTime) : '', p.recordingState, p.replicationType, p.replicationState]),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${safeFileName(`participants-${sessionId}`)}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const count = formatCount;

function progressText(state: LoadAllState, loaded: number): string {
  switch (state.status) {
    case 'loading':
      // IVS gives no total: say what is loaded, not how much is left.
      return `Loading all participants: ${count(loaded)} loaded so far (${count(state.pages)} pages)…`;
    case 'idle':
      if (!state.outcome) return '';
      return state.outcome.cancelled
        ? `Stopped. The ${count(state.outcome.rows)} participants loaded so far stay in the table.`
        : `Downloaded all ${count(state.outcome.rows)} participants as CSV.`;
    case 'failed':
      return `Loading stopped after ${count(loaded)} participants; they stay in the table.`;
  }
}

/**
 * The participants export: the loaded rows at once, or (when IVS has more pages) every participant after a
 * paced walk of the remaining pages, with progress and Cancel. Rows are written in the API's order.
 */
export function ParticipantExport({
  sessionId,
  rows,
  hasNextPage,
  state,
  onLoadAll,
  onCancel,
}: {
  sessionId: string;
  rows: readonly ParticipantSummary[];
  hasNextPage: boolean;
  state: LoadAllState;
  onLoadAll: () => void;
  onCancel: () => void;
}): ReactNode {
  const loading = state.status === 'loading';
  return (
    <div className="export">
      <div className="toolbar">
        <button type="button" className="small" onClick={() => downloadCsv(sessionId, rows)} disabled={loading}>
          Download CSV (loaded rows)
        </button>
        {loading ? (
          <button type="button" className="small" onClick={onCancel}>
            Cancel loading
          </button>
        ) : hasNextPage ? (
          <button type="button" className="small" onClick={onLoadAll}>
            Load all and download CSV
          </button>
        ) : null}
        <span role="status" className="hint">
          {progressText(state, rows.length)}
        </span>
      </div>
      {state.status === 'failed' ? <ErrorPanel error={state.error} title="Could not load every participant" onRetry={onLoadAll} /> : null}
    </div>
  );
}
