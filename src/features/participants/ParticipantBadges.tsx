import type { ReactNode } from 'react';
import type { ParticipantSummary } from '../../aws/types';
import { ConnectionBadge, ReplicationRoleBadge } from '../../components/StateBadge';

export { OnAirBadge } from '../../components/StateBadge';

export function StateBadge({ state }: { state?: ParticipantSummary['state'] }): ReactNode {
  return <ConnectionBadge state={state} />;
}

export function ReplicationBadge({ p }: { p: ParticipantSummary }): ReactNode {
  return <ReplicationRoleBadge type={p.replicationType} state={p.replicationState} />;
}
