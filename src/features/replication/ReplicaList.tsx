import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { ParticipantReplica, Region } from '../../aws/types';
import { href } from '../../routing/route';
import { ErrorPanel } from '../../components/ErrorPanel';
import { EmptyState, Loading } from '../../components/Loading';
import { StaleBanner } from '../../components/StaleBanner';
import { SimpleTable, type SimpleColumn } from '../../components/SimpleTable';
import { ReplicationStateBadge } from '../../components/StateBadge';
import { usePollInterval } from '../../query/polling';
import { Can } from '../../auth/Can';
import { replicaQueries, type ReplicaSource } from './queries';
import { StopReplicationButton } from './StopReplicationButton';
import { destinationStageColumn } from './columns';

function replicaColumns(region: Region): SimpleColumn<ParticipantReplica>[] {
  return [
    destinationStageColumn(region),
    {
      key: 'session',
      header: 'Destination session',
      render: (r) => (
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: r.destinationStageArn, sessionId: r.destinationSessionId, participantId: r.participantId })} aria-label={`Replica in session ${r.destinationSessionId}`}>
          <code>{r.destinationSessionId}</code>
        </a>
      ),
    },
    { key: 'state', header: 'State', render: (r) => <ReplicationStateBadge state={r.replicationState} /> },
    { key: 'actions', header: 'Actions', render: (r) => (r.replicationState === 'ACTIVE' ? <StopReplicationButton region={region} replication={r} /> : null) },
  ];
}

/** Replicas of one source participant (ListParticipantReplicas), live, with links and Stop. */
export function ReplicaList({ region, source }: { region: Region; source: ReplicaSource }): ReactNode {
  const aws = useAws();
  const q = useQuery({ ...replicaQueries.list(aws, region, source), refetchInterval: usePollInterval('participant') });
  let body: ReactNode;
  if (q.data) {
    body =
      q.data.length === 0 ? (
        <EmptyState>This participant is not replicated to any stage.</EmptyState>
      ) : (
        <SimpleTable
          caption={`Replicas of ${source.participantId}`}
          columns={replicaColumns(region)}
          rows={q.data}
          rowKey={(r) => `${r.destinationStageArn}/${r.destinationSessionId}`}
        />
      );
  } else if (q.isError) body = <ErrorPanel error={q.error} onRetry={() => void q.refetch()} />;
  else body = <Loading label="Loading replicas" />;
  return (
    <section aria-labelledby={`replicas-${source.participantId}`}>
      <h2 id={`replicas-${source.participantId}`}>Replicas</h2>
      <StaleBanner queries={q} section="replicas" />
      {body}
      <Can policy="replication:start">
        <a className="button" href={href('/regions/:region/replicate', { region }, { source: source.sourceStageArn, participant: source.participantId })}>
          Replicate to another stage
        </a>
      </Can>
    </section>
  );
}
