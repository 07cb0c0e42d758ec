import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import type { Participant, ParticipantKey, Region } from '../../../aws/types';
import { href } from '../../../routing/route';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { FreshnessIndicator } from '../../../components/FreshnessIndicator';
import { Loading } from '../../../components/Loading';
import { StaleBanner } from '../../../components/StaleBanner';
import { usePollInterval } from '../../../query/polling';
import { deriveOnAir } from '../../../query/onAir';
import { StageLabel } from '../../../components/StageLabel';
import { EventTimeline } from './EventTimeline';
import { ParticipantFields } from './ParticipantFields';
import { ParticipantTools } from './ParticipantTools';
import { participantQueries } from '../queries';
import { RejoinWatchPanel } from '../rejoin/RejoinWatch';
import { useStagePush } from '../../../query/push/context';

type Props = {
  region: Region;
  participantKey: ParticipantKey;
  /** Replication links and actions, composed by the app from the replication feature. */
  renderReplicas?: (p: Participant) => ReactNode;
  /** The metric charts, composed by the app so that they (uPlot, the CloudWatch client) load as their own chunk. */
  renderMetrics?: () => ReactNode;
};

export function ParticipantPage({ region, participantKey: key, renderReplicas, renderMetrics }: Props): ReactNode {
  const aws = useAws();
  useStagePush(region, key.stageArn);
  const interval = usePollInterval('participant');
  const q = useQuery({ ...participantQueries.detail(aws, region, key), refetchInterval: interval });
  const events = useQuery({ ...participantQueries.events(aws, region, key), refetchInterval: interval });

  const crumbs = (
    <nav aria-label="Breadcrumb" className="crumbs">
      <a href={href('/regions/:region/stages', { region })}>Stages in {region}</a> /{' '}
      <a href={href('/regions/:region/stages/:stageArn', { region, stageArn: key.stageArn })}><StageLabel arn={key.stageArn} /></a> /{' '}
      <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn: key.stageArn, sessionId: key.sessionId })}>{key.sessionId}</a> / <span>{key.participantId}</span>
    </nav>
  );

  let body: ReactNode;
  if (q.data) {
    const p = q.data;
    body = (
      <>
        <StaleBanner queries={q} section="participant" />
        {p.replicationType === 'REPLICA' && p.sourceStageArn && p.sourceSessionId ? (
          <p className="banner banner-info">
            This participant is a replica.{' '}
            <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: p.sourceStageArn, sessionId: p.sourceSessionId, participantId: p.participantId })}>Open the source participant</a> in{' '}
            <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn: p.sourceStageArn, sessionId: p.sourceSessionId })}>its session</a>.
          </p>
        ) : null}
        <ParticipantFields p={p} region={region} onAir={deriveOnAir(p, events.data, events.isError ? 'error' : 'loading')} />
        <ParticipantTools region={region} participantKey={key} participant={p} />
        <RejoinWatchPanel region={region} stageArn={key.stageArn} participantId={key.participantId} />
        {renderReplicas ? renderReplicas(p) : null}
        {renderMetrics ? renderMetrics() : null}
      </>
    );
  } else if (q.isError) {
    body = <ErrorPanel error={q.error} onRetry={() => void q.refetch()} title={`Participant ${key.participantId} could not be loaded`} />;
  } else body = <Loading label="Loading participant" />;

  return (
    <section aria-labelledby="participant-title">
      {crumbs}
      <div className="page-head">
        <h1 id="participant-title">
          Participant <code>{key.participantId}</code>
        </h1>
        <FreshnessIndicator updatedAt={q.dataUpdatedAt} fetching={q.isFetching} />
      </div>
      {body}
      <h2>Events</h2>
      {events.data ? (
        <>
          <StaleBanner queries={events} section="events" />
          <EventTimeline events={events.data} region={region} stageArn={key.stageArn} sessionId={key.sessionId} />
        </>
      ) : events.isError ? (
        <ErrorPanel error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Loading label="Loading events" />
      )}
    </section>
  );
}
