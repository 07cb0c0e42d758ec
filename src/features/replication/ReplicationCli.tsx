import type { ReactNode } from 'react';
import type { Region } from '../../aws/types';
import { CliCommand } from '../../components/CliCommand';
import type { ReplicationForm } from './validation';

/** The form's StartParticipantReplication as an AWS CLI command, updated as the producer types. */
export function ReplicationCli({ region, form }: { region: Region; form: ReplicationForm }): ReactNode {
  const window = Number(form.reconnectWindowSeconds);
  const attributes = Object.fromEntries(form.attributes.filter((a) => a.key).map((a) => [a.key, a.value]));
  return (
    <CliCommand
      title="AWS CLI equivalent of this replication"
      call={{
        operation: 'StartParticipantReplication',
        region,
        input: {
          sourceStageArn: form.sourceStageArn.trim(),
          destinationStageArn: form.destinationStageArn.trim(),
          participantId: form.participantId.trim(),
          reconnectWindowSeconds: Number.isInteger(window) ? window : form.reconnectWindowSeconds,
          ...(Object.keys(attributes).length ? { attributes } : {}),
        },
      }}
    />
  );
}
