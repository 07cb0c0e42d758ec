import { useState, type ReactNode } from 'react';
import type { Participant, ParticipantKey, Region } from '../../../aws/types';
import { href } from '../../../routing/route';
import { CliCommand } from '../../../components/CliCommand';
import { useCan } from '../../../auth/Can';
import { DisconnectDialog, type DisconnectTarget } from '../DisconnectDialog';

/** Disconnect, with a reason and a confirmation; afterwards the page follows whether the user rejoins (RejoinWatch). */
function DisconnectAction({ region, target }: { region: Region; target: DisconnectTarget }): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        Disconnect
      </button>
      <DisconnectDialog region={region} target={open ? target : null} onClose={() => setOpen(false)} />
    </>
  );
}

/** Links, actions and commands beside a participant's details: its merged story, disconnect, and the AWS CLI equivalents. */
export function ParticipantTools({ region, participantKey: key, participant: p }: { region: Region; participantKey: ParticipantKey; participant: Participant }): ReactNode {
  const canDisconnect = useCan('participant:disconnect');
  return (
    <div className="participant-tools">
      <p>
        <a className="button" href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId/story', { region, stageArn: key.stageArn, sessionId: key.sessionId, participantId: key.participantId })}>
          Open the merged story
        </a>{' '}
        <span className="muted">(this connection, its replicas or source, and the user’s other connections, with export)</span>
      </p>
      {/* A replica is disconnected by stopping its replication; only a connected participant can be dropped. */}
      {canDisconnect && p.state === 'CONNECTED' && p.replicationType !== 'REPLICA' ? (
        <div className="toolbar">
          <DisconnectAction region={region} target={{ ...key, userId: p.userId }} />
        </div>
      ) : null}
      <CliCommand call={{ operation: 'GetParticipant', region, input: { ...key } }} title="AWS CLI: get this participant" />
      <CliCommand call={{ operation: 'ListParticipantEvents', region, input: { ...key } }} title="AWS CLI: list its events" />
    </div>
  );
}
