import type { ReactNode } from 'react';
import type { Participant, Region } from '../../../aws/types';
import { href } from '../../../routing/route';
import { formatTime } from '../../../query/time';
import { UntrustedText } from '../../../components/UntrustedText';
import { OnAirBadge, ReplicationBadge, StateBadge } from '../ParticipantBadges';
import { StageLabel } from '../../../components/StageLabel';
import type { OnAir } from '../../../query/onAir';
import { RecordingBadge, ReplicationStateBadge } from '../../../components/StateBadge';

const NOT_REPORTED = 'Not reported: the client did not send it (typical for RTMP encoders and server-side clients).';

function Value({ v, empty }: { v: string | undefined; empty: string }): ReactNode {
  return v ? <UntrustedText value={v} detail /> : <span className="muted">{empty}</span>;
}

/** Every field GetParticipant returns, labelled for people; empty values say why they are empty. */
export function ParticipantFields({ p, region, onAir }: { p: Participant; region: Region; onAir: OnAir }): ReactNode {
  const recording = p.recordingState === 'DISABLED' || !p.recordingState;
  const attrs = Object.entries(p.attributes);
  return (
    <dl className="fields">
      <dt>Participant id</dt>
      <dd>
        <code>{p.participantId}</code>
      </dd>
      <dt>Connection</dt>
      <dd>
        <StateBadge state={p.state} replication={p} />
      </dd>
      <dt>User id</dt>
      <dd>
        <Value v={p.userId} empty="None: the token was created without a user id." />
      </dd>
      <dt>First joined this session</dt>
      <dd>{p.firstJoinTime ? formatTime(p.firstJoinTime) : <span className="muted">Unknown: IVS did not report a join time.</span>}</dd>
      <dt>On air now</dt>
      <dd>
        <OnAirBadge state={onAir} detail />
      </dd>
      <dt>Has published this session</dt>
      <dd>{p.published ? 'Yes: it has sent media at some point of this session (not necessarily now).' : 'No: it has not sent media in this session.'}</dd>
      <dt>Attributes</dt>
      <dd>
        {attrs.length ? (
          <ul className="plain">
            {attrs.map(([k, v]) => (
              <li key={k}>
                <code>
                  <UntrustedText value={k} detail />
                </code>{' '}
                ={' '}
                <code>
                  <UntrustedText value={v} detail />
                </code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">None: the token carried no attributes.</span>
        )}
      </dd>
      <dt>Ingest protocol</dt>
      <dd>{p.protocol && p.protocol !== 'UNKNOWN' ? p.protocol : <span className="muted">Unknown: IVS could not tell how this client connects.</span>}</dd>
      <dt>Operating system</dt>
      <dd>
        <Value v={[p.osName, p.osVersion].filter(Boolean).join(' ') || undefined} empty={NOT_REPORTED} />
      </dd>
      <dt>Browser</dt>
      <dd>
        <Value v={[p.browserName, p.browserVersion].filter(Boolean).join(' ') || undefined} empty={NOT_REPORTED} />
      </dd>
      <dt>IVS SDK version</dt>
      <dd>
        <Value v={p.sdkVersion} empty={NOT_REPORTED} />
      </dd>
      <dt>Internet provider (ISP)</dt>
      <dd>
        <Value v={p.ispName} empty="Unknown: IVS could not identify the network provider." />
      </dd>
      <dt>Recording state</dt>
      <dd>{recording ? <span className="muted">Not recorded: individual participant recording is off for this stage.</span> : <RecordingBadge state={p.recordingState} />}</dd>
      <dt>Recording bucket</dt>
      <dd>
        <Value v={p.recordingS3BucketName} empty="None: this participant is not being recorded." />
      </dd>
      <dt>Recording prefix</dt>
      <dd>
        <Value v={p.recordingS3Prefix} empty="None: this participant is not being recorded." />
      </dd>
      <dt>Replication</dt>
      <dd>
        <ReplicationBadge p={p} />{' '}
        {p.replicationType === 'NONE' ? 'This participant is neither replicated nor a replica.' : null}
      </dd>
      <dt>Replication state</dt>
      <dd>
        {p.replicationType && p.replicationType !== 'NONE' ? (
          <ReplicationStateBadge state={p.replicationState} />
        ) : (
          <span className="muted">Not applicable: no replication involves this participant.</span>
        )}
      </dd>
      <dt>Source stage</dt>
      <dd>
        {p.sourceStageArn ? (
          <a href={href('/regions/:region/stages/:stageArn', { region, stageArn: p.sourceStageArn })}>
            <StageLabel arn={p.sourceStageArn} />
          </a>
        ) : (
          <span className="muted">Not applicable: only replicas have a source stage.</span>
        )}
      </dd>
      <dt>Source session</dt>
      <dd>
        {p.sourceStageArn && p.sourceSessionId ? (
          <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn: p.sourceStageArn, sessionId: p.sourceSessionId })}>
            <code>{p.sourceSessionId}</code>
          </a>
        ) : (
          <span className="muted">Not applicable: only replicas have a source session.</span>
        )}
      </dd>
    </dl>
  );
}
