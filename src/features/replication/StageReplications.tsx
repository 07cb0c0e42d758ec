import { useQuery } from '@tanstack/react-query';
import { StageLabel } from '../../components/StageLabel';
import type { ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { ParticipantReplica, ParticipantSummary, Region } from '../../aws/types';
import { href } from '../../routing/route';
import { ErrorPanel } from '../../components/ErrorPanel';
import { EmptyState, Loading } from '../../components/Loading';
import { StaleBanner } from '../../components/StaleBanner';
import { keyStartsWith, useStaleQueries } from '../../query/stale';
import { SimpleRow, SimpleTable, type SimpleColumn } from '../../components/SimpleTable';
import { ReplicationStateBadge } from '../../components/StateBadge';
import { usePollInterval } from '../../query/polling';
import { replicaQueries } from './queries';
import { StopReplicationButton } from './StopReplicationButton';

type Props = { region: Region; stageArn: string; sessionId: string; live: boolean };

/** One row per replica of a SOURCE participant of this session. */
function outgoingColumns(region: Region, stageArn: string, sessionId: string): SimpleColumn<ParticipantReplica>[] {
  return [
    { key: 'source', header: 'Source participant', render: (r) => <SourceLink region={region} stageArn={stageArn} sessionId={sessionId} participantId={r.participantId} /> },
    {
      key: 'to',
      header: 'To stage',
      render: (r) => (
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn: r.destinationStageArn, sessionId: r.destinationSessionId })}>
          <StageLabel arn={r.destinationStageArn} />
        </a>
      ),
    },
    { key: 'state', header: 'State', render: (r) => <ReplicationStateBadge state={r.replicationState} /> },
    { key: 'actions', header: 'Actions', render: (r) => (r.replicationState === 'ACTIVE' ? <StopReplicationButton region={region} replication={r} /> : null) },
  ];
}

function SourceLink({ region, stageArn, sessionId, participantId }: { region: Region; stageArn: string; sessionId: string; participantId: string }): ReactNode {
  return (
    <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn, sessionId, participantId })}>
      <code>{participantId}</code>
    </a>
  );
}

function incomingColumns(region: Region, stageArn: string, sessionId: string): SimpleColumn<ParticipantSummary>[] {
  return [
    {
      key: 'replica',
      header: 'Replica',
      render: (p) => (
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn, sessionId, participantId: p.participantId })}>
          <code>{p.participantId}</code>
        </a>
      ),
    },
    {
      key: 'from',
      header: 'From stage',
      render: (p) =>
        p.sourceStageArn && p.sourceSessionId ? (
          <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: p.sourceStageArn, sessionId: p.sourceSessionId, participantId: p.participantId })}>
            <StageLabel arn={p.sourceStageArn} />
          </a>
        ) : (
          'unknown'
        ),
    },
    { key: 'state', header: 'State', render: (p) => <ReplicationStateBadge state={p.replicationState} /> },
    {
      key: 'actions',
      header: 'Actions',
      render: (p) =>
        p.replicationState === 'ACTIVE' && p.sourceStageArn ? (
          <StopReplicationButton region={region} replication={{ sourceStageArn: p.sourceStageArn, destinationStageArn: stageArn, participantId: p.participantId }} />
        ) : null,
    },
  ];
}

/** The replicas of one SOURCE participant, as table rows (one ListParticipantReplicas call). */
function OutgoingRows({ region, stageArn, sessionId, participantId, live }: Props & { participantId: string }): ReactNode {
  const aws = useAws();
  const interval = usePollInterval('stage');
  const q = useQuery({
    ...replicaQueries.list(aws, region, { sourceStageArn: stageArn, participantId }),
    refetchInterval: live ? interval : false,
  });
  if (!q.data) {
    return (
      <tr>
        <td>
          <SourceLink region={region} stageArn={stageArn} sessionId={sessionId} participantId={participantId} />
        </td>
        <td colSpan={3}>{q.isError ? `Replicas could not be listed: ${q.error.message}` : 'Loading replicas…'}</td>
      </tr>
    );
  }
  const columns = outgoingColumns(region, stageArn, sessionId);
  return (
    <>
      {q.data.map((r) => (
        <SimpleRow key={`${r.destinationStageArn}/${r.destinationSessionId}`} row={r} columns={columns} />
      ))}
    </>
  );
}

/** Replications going out of this stage's session (its SOURCE participants) and coming in (its REPLICAs). */
export function StageReplications({ region, stageArn, sessionId, live }: Props): ReactNode {
  const aws = useAws();
  const interval = usePollInterval('stage');
  const q = useQuery({ ...replicaQueries.inSession(aws, region, stageArn, sessionId), refetchInterval: live ? interval : false });
  // Each source's replicas are a query of their own (in its row): a failed refresh of any of them leaves a state
  // such as ACTIVE on screen that may no longer hold, so the section says how old it is.
  const outgoingKey = [...replicaQueries.all(region), 'source', stageArn];
  const staleOutgoing = useStaleQueries((k) => keyStartsWith(k, outgoingKey));
  if (!q.data) {
    return (
      <section aria-labelledby="stage-replications">
        <h2 id="stage-replications">Replication</h2>
        {q.isError ? <ErrorPanel error={q.error} onRetry={() => void q.refetch()} /> : <Loading label="Loading replications" />}
      </section>
    );
  }
  const sources = q.data.filter((p) => p.replicationType === 'SOURCE');
  const replicas = q.data.filter((p) => p.replicationType === 'REPLICA');
  return (
    <section aria-labelledby="stage-replications">
      <h2 id="stage-replications">Replication</h2>
      <StaleBanner queries={[q, ...staleOutgoing]} section="replication" />
      <h3>Going out of this stage</h3>
      {sources.length === 0 ? (
        <EmptyState>No participant of this session is replicated elsewhere.</EmptyState>
      ) : (
        <SimpleTable
          caption="Replications going out of this session"
          columns={outgoingColumns(region, stageArn, sessionId)}
          body={sources.map((p) => (
            <OutgoingRows key={p.participantId} region={region} stageArn={stageArn} sessionId={sessionId} participantId={p.participantId} live={live} />
          ))}
        />
      )}
      <h3>Coming into this stage</h3>
      {replicas.length === 0 ? (
        <EmptyState>No replica from another stage is in this session.</EmptyState>
      ) : (
        <SimpleTable caption="Replicas in this session" columns={incomingColumns(region, stageArn, sessionId)} rows={replicas} rowKey={(p) => p.participantId} />
      )}
    </section>
  );
}
