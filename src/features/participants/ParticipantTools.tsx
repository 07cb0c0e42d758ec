import { useState, type ReactNode } from 'react';
import type { Participant, ParticipantKey, Region } from '../../aws/types';
import { paths } from '../../config/paths';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCan } from '../auth/Can';
import { useDisconnectParticipant } from './mutations';

/** Disconnect, with a reason and a confirmation; afterwards the page follows whether the user rejoins (RejoinWatch). */
function DisconnectAction({ region, participantKey: key, userId }: { region: Region; participantKey: ParticipantKey; userId?: string }): ReactNode {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const disconnect = useDisconnectParticipant(region);
  const close = (): void => {
    disconnect.reset();
    setOpen(false);
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        Disconnect
      </button>
      <ConfirmDialog
        open={open}
        title="Disconnect participant?"
        confirmLabel="Disconnect"
        danger
        pending={disconnect.isPending}
        error={disconnect.error}
        onCancel={close}
        onConfirm={() =>
          disconnect.mutate(
            { stageArn: key.stageArn, participantId: key.participantId, reason, follow: { sessionId: key.sessionId, userId } },
            {
              onSuccess: () => {
                setOpen(false);
                setReason('');
              },
            },
          )
        }
      >
        <p>
          <code>{key.participantId}</code> will be dropped from the stage. Their token stays valid, so they can join again; this page will say
          if they do.
        </p>
        <label className="stack">
          Reason (optional, up to 128 characters)
          <input value={reason} maxLength={128} onChange={(e) => setReason(e.target.value)} />
        </label>
        <CliCommand
          call={{ operation: 'DisconnectParticipant', region, input: { stageArn: key.stageArn, participantId: key.participantId, reason: reason || undefined } }}
        />
      </ConfirmDialog>
    </>
  );
}

/** Links, actions and commands beside a participant's details (issue 8): its merged story, disconnect, and the AWS CLI equivalents. */
export function ParticipantTools({ region, participantKey: key, participant: p }: { region: Region; participantKey: ParticipantKey; participant: Participant }): ReactNode {
  const canDisconnect = useCan('participant:disconnect');
  return (
    <div className="participant-tools">
      <p>
        <a className="button" href={paths.participantStory.getHref(region, key.stageArn, key.sessionId, key.participantId)}>
          Open the merged story
        </a>{' '}
        <span className="muted">(this connection, its replicas or source, and the user’s other connections, with export)</span>
      </p>
      {/* A replica is disconnected by stopping its replication; only a connected participant can be dropped. */}
      {canDisconnect && p.state === 'CONNECTED' && p.replicationType !== 'REPLICA' ? (
        <div className="toolbar">
          <DisconnectAction region={region} participantKey={key} userId={p.userId} />
        </div>
      ) : null}
      <CliCommand call={{ operation: 'GetParticipant', region, input: { ...key } }} title="AWS CLI: get this participant" />
      <CliCommand call={{ operation: 'ListParticipantEvents', region, input: { ...key } }} title="AWS CLI: list its events" />
    </div>
  );
}
