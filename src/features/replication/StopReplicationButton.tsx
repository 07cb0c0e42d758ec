import { useState, type ReactNode } from 'react';
import { StageLabel } from '../../components/StageLabel';
import type { Region, ReplicationKey } from '../../aws/types';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { stageIdOf } from '../../components/format';
import { useCan } from '../../auth/Can';
import { useStopReplication } from './mutations';

export function StopReplicationButton({ region, replication }: { region: Region; replication: ReplicationKey }): ReactNode {
  const [open, setOpen] = useState(false);
  const stop = useStopReplication(region);
  if (!useCan('replication:stop')) return null;
  return (
    <>
      <button type="button" className="small danger" onClick={() => setOpen(true)} aria-label={`Stop replication of ${replication.participantId} to ${stageIdOf(replication.destinationStageArn)}`}>
        Stop
      </button>
      <ConfirmDialog
        open={open}
        title="Stop replication?"
        confirmLabel="Stop replication"
        danger
        pending={stop.isPending}
        error={stop.error}
        onCancel={() => {
          stop.reset();
          setOpen(false);
        }}
        onConfirm={() => stop.mutateAsync(replication).then(() => setOpen(false))}
      >
        <p>
          The replica of <code>{replication.participantId}</code> leaves stage <StageLabel arn={replication.destinationStageArn} />. The source
          participant keeps publishing.
        </p>
        <CliCommand call={{ operation: 'StopParticipantReplication', region, input: { sourceStageArn: replication.sourceStageArn, destinationStageArn: replication.destinationStageArn, participantId: replication.participantId } }} />
      </ConfirmDialog>
    </>
  );
}
