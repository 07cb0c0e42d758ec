import { useState, type ReactNode } from 'react';
import type { ParticipantKey, Region } from '../../aws/types';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { bound } from '../../aws/limits';
import { useDisconnectParticipant } from './mutations';

const REASON_MAX = bound('DisconnectParticipantReason', 'max');

export type DisconnectTarget = ParticipantKey & { userId?: string };

/**
 * Disconnect one participant, with an optional reason, a confirmation and the CLI equivalent. After it succeeds a
 * rejoin watch follows the participant's user id in the stage (RejoinWatch). Open while `target` is set.
 */
export function DisconnectDialog({ region, target, onClose }: { region: Region; target: DisconnectTarget | null; onClose: () => void }): ReactNode {
  const [reason, setReason] = useState('');
  const disconnect = useDisconnectParticipant(region);
  return (
    <ConfirmDialog
      open={target !== null}
      title="Disconnect participant?"
      confirmLabel="Disconnect"
      danger
      pending={disconnect.isPending}
      error={disconnect.error}
      onCancel={() => {
        disconnect.reset();
        onClose();
      }}
      onConfirm={() =>
        target &&
        disconnect.mutate(
          { stageArn: target.stageArn, participantId: target.participantId, reason, follow: { sessionId: target.sessionId, userId: target.userId } },
          {
            onSuccess: () => {
              setReason('');
              onClose();
            },
          },
        )
      }
    >
      <p>
        <code>{target?.participantId}</code> will be dropped from the stage. Their token stays valid, so they can join again; Greenroom will say
        if they do.
      </p>
      <label className="stack">
        Reason (optional, up to {REASON_MAX} characters)
        <input value={reason} maxLength={REASON_MAX} onChange={(e) => setReason(e.target.value)} />
      </label>
      {target ? (
        <CliCommand
          call={{ operation: 'DisconnectParticipant', region, input: { stageArn: target.stageArn, participantId: target.participantId, reason: reason || undefined } }}
        />
      ) : null}
    </ConfirmDialog>
  );
}
