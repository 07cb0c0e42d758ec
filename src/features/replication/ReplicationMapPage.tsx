import { useQuery } from '@tanstack/react-query';
import { StageLabel } from '../../components/StageLabel';
import type { ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { Region } from '../../aws/types';
import { href } from '../../routing/route';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FreshnessIndicator } from '../../components/FreshnessIndicator';
import { stageIdOf } from '../../components/format';
import { EmptyState, Loading } from '../../components/Loading';
import { StaleBanner } from '../../components/StaleBanner';
import { SimpleTable, type SimpleColumn } from '../../components/SimpleTable';
import { ReplicationStateBadge } from '../../components/StateBadge';
import { UntrustedText } from '../../components/UntrustedText';
import { useNow, usePollInterval, type PolledQuery } from '../../query/polling';
import { formatDuration } from '../../query/time';
import { StopReplicationButton } from './StopReplicationButton';
import { mapInterval, mapQueries, type ReplicationEdge, type ReplicationMap } from './mapQueries';

function age(since: string | undefined, now: number): string {
  return since ? formatDuration(now - Date.parse(since)) : '—';
}

function edgeColumns(region: Region, map: ReplicationMap, now: number): SimpleColumn<ReplicationEdge>[] {
  return [
    {
      key: 'participant',
      header: 'Participant',
      render: (e) => (
        <>
          <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: e.sourceStageArn, sessionId: e.sourceSessionId, participantId: e.participantId })}>
            <code>{e.participantId}</code>
          </a>
          {e.userId ? (
            <span className="muted">
              {' '}
              (<UntrustedText value={e.userId} />)
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'destination',
      header: 'Destination stage',
      render: (e) => (
        <>
          → {map.stageNames[e.destinationStageArn] ? `${map.stageNames[e.destinationStageArn]} ` : ''}
          <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: e.destinationStageArn, sessionId: e.destinationSessionId, participantId: e.participantId })} aria-label={`Replica in stage ${stageIdOf(e.destinationStageArn)}`}>
            <StageLabel arn={e.destinationStageArn} />
          </a>
        </>
      ),
    },
    { key: 'state', header: 'State', render: (e) => <ReplicationStateBadge state={e.state} /> },
    { key: 'age', header: 'Age', render: (e) => age(e.since, now) },
    {
      key: 'actions',
      header: 'Actions',
      render: (e) => <StopReplicationButton region={region} replication={{ sourceStageArn: e.sourceStageArn, destinationStageArn: e.destinationStageArn, participantId: e.participantId }} />,
    },
  ];
}

function SourceGroup({ region, map, sourceStageArn, edges, now }: { region: Region; map: ReplicationMap; sourceStageArn: string; edges: ReplicationEdge[]; now: number }): ReactNode {
  const id = `map-${stageIdOf(sourceStageArn)}`;
  const name = map.stageNames[sourceStageArn];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        From {name ? `${name} ` : ''}
        <a href={href('/regions/:region/stages/:stageArn', { region, stageArn: sourceStageArn })}>
          <StageLabel arn={sourceStageArn} />
        </a>
      </h2>
      <SimpleTable
        caption={`Replications from stage ${stageIdOf(sourceStageArn)}`}
        columns={edgeColumns(region, map, now)}
        rows={edges}
        rowKey={(e) => `${e.participantId}/${e.destinationStageArn}`}
      />
    </section>
  );
}

/** Every active replication in a region, grouped source stage → participant → destination stages, live. */
export function ReplicationMapPage({ region }: { region: Region }): ReactNode {
  const aws = useAws();
  const poll = usePollInterval('stages');
  const now = useNow();
  const q = useQuery({
    ...mapQueries.map(aws, region),
    refetchInterval:
      poll === false
        ? false
        : (query) => {
            const base = typeof poll === 'function' ? poll(query as unknown as PolledQuery) : poll;
            return base === false ? false : mapInterval(base, query.state.data?.calls);
          },
  });

  let body: ReactNode;
  if (q.data) {
    const groups = new Map<string, ReplicationEdge[]>();
    for (const e of q.data.edges) groups.set(e.sourceStageArn, [...(groups.get(e.sourceStageArn) ?? []), e]);
    body = (
      <>
        <StaleBanner queries={q} section="map" />
        <p role="status">
          {q.data.edges.length} active {q.data.edges.length === 1 ? 'replication' : 'replications'} from {groups.size} {groups.size === 1 ? 'stage' : 'stages'}
        </p>
        {groups.size === 0 ? <EmptyState>No participant is being replicated in {region} right now.</EmptyState> : null}
        {[...groups].map(([src, edges]) => (
          <SourceGroup key={src} region={region} map={q.data} sourceStageArn={src} edges={edges} now={now} />
        ))}
      </>
    );
  } else if (q.isError) body = <ErrorPanel error={q.error} onRetry={() => void q.refetch()} title="The replication map could not be loaded" />;
  else body = <Loading label="Loading replications" />;

  return (
    <section aria-labelledby="map-title">
      <div className="page-head">
        <h1 id="map-title">Replication map · {region}</h1>
        <FreshnessIndicator updatedAt={q.dataUpdatedAt} fetching={q.isFetching} />
      </div>
      <p className="muted">
        Read from the replicas in every live session (ListStages, then ListParticipants per live stage), refreshed within the polling budget.
      </p>
      {body}
    </section>
  );
}
