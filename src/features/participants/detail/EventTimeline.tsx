import type { ReactNode } from 'react';
import type { ParticipantEvent, Region } from '../../../aws/types';
import { href } from '../../../routing/route';
import { formatTime } from '../../../query/time';
import { EmptyState } from '../../../components/Loading';
import { StatusBadge } from '../../../components/StatusBadge';
import { explainErrorCode, explainEvent } from '../eventCodes';
import { StageLabel } from '../../../components/StageLabel';
import { inCausalOrder } from '../../../query/onAir';

type Props = { events: ParticipantEvent[]; region: Region; stageArn: string; sessionId: string };


/** Every event of the participant, newest first (the causal order reversed, so LEFT tops a same-second JOINED), with error codes explained in a sentence. */
export function EventTimeline({ events, region, stageArn, sessionId }: Props): ReactNode {
  if (events.length === 0) return <EmptyState>IVS has recorded no events for this participant.</EmptyState>;
  return (
    <ol className="timeline" aria-label="Participant events, newest first">
      {inCausalOrder(events).reverse().map((e, i) => (
        <li key={`${e.eventTime}-${e.name}-${i}`} className={e.errorCode ? 'timeline-error' : undefined}>
          <div className="timeline-head">
            <time dateTime={e.eventTime}>{formatTime(e.eventTime)}</time>{' '}
            {e.errorCode ? <StatusBadge tone="bad">{e.name}</StatusBadge> : <strong>{e.name}</strong>}
            {e.replica ? <span className="tag">about a replica</span> : null}
          </div>
          <p>{explainEvent(e.name)}</p>
          {e.errorCode ? (
            <p className="error-explained">
              <strong>Error code {e.errorCode}:</strong> {explainErrorCode(e.errorCode)}
            </p>
          ) : null}
          {e.remoteParticipantId ? (
            <p>
              Publisher:{' '}
              <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn, sessionId, participantId: e.remoteParticipantId })}>
                <code>{e.remoteParticipantId}</code>
              </a>
            </p>
          ) : null}
          {e.destinationStageArn ? (
            <p>
              Destination:{' '}
              {e.destinationSessionId ? (
                <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn: e.destinationStageArn, sessionId: e.destinationSessionId })}>
                  <StageLabel arn={e.destinationStageArn} />, session <code>{e.destinationSessionId}</code>
                </a>
              ) : (
                <StageLabel arn={e.destinationStageArn} />
              )}
            </p>
          ) : null}
          {e.newToken ? (
            <p>
              New token: capabilities {e.newToken.capabilities.join(', ') || 'none'}
              {e.newToken.expirationTime ? `, valid until ${formatTime(e.newToken.expirationTime)}` : ''}.
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
