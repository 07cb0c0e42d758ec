import type { ReactNode } from 'react';
import type { ParticipantSummary } from '../../aws/types';
import { ConnectionBadge, ReplicationRoleBadge, type ReplicaFields } from '../../components/StateBadge';

export { OnAirBadge } from '../../components/StateBadge';

/** Pass the participant's replication fields so a stopped replica reads as one. */
export function StateBadge({ state, replication }: { state?: ParticipantSummary['state']; replication?: ReplicaFields }): ReactNode {
  return <ConnectionBadge state={state} replication={replication} />;
}

export function ReplicationBadge({ p }: { p: ParticipantSummary }): ReactNode {
  return <ReplicationRoleBadge type={p.replicationType} state={p.replicationState} />;
}
