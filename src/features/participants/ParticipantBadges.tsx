import type { ReactNode } from 'react';
import type { ParticipantSummary } from '../../aws/types';
import { StatusBadge } from '../../components/StatusBadge';

export function StateBadge({ state }: { state?: ParticipantSummary['state'] }): ReactNode {
  if (state === 'CONNECTED') return <StatusBadge tone="ok">Connected</StatusBadge>;
  if (state === 'DISCONNECTED') return <StatusBadge tone="neutral">Disconnected</StatusBadge>;
  return <StatusBadge tone="warn">Unknown</StatusBadge>;
}

/** "Publishing" = connected and has published; IVS only reports whether it ever published. */
export function PublishBadge({ p }: { p: ParticipantSummary }): ReactNode {
  if (!p.published) return <span className="muted">Never published</span>;
  return p.state === 'CONNECTED' ? <StatusBadge tone="ok">Publishing</StatusBadge> : <StatusBadge tone="neutral">Published earlier</StatusBadge>;
}

export function ReplicationBadge({ p }: { p: ParticipantSummary }): ReactNode {
  if (p.replicationType === 'NONE') return <span className="muted">None</span>;
  const tone = p.replicationState === 'ACTIVE' ? 'info' : 'neutral';
  return (
    <StatusBadge tone={tone}>
      {p.replicationType === 'SOURCE' ? 'Source' : 'Replica'}
      {p.replicationState ? `, ${p.replicationState}` : ''}
    </StatusBadge>
  );
}
