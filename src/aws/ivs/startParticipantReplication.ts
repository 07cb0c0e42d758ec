import { StartParticipantReplicationCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import type { Region, ReplicationKey } from '../types';

export type StartReplicationInput = ReplicationKey & {
  reconnectWindowSeconds: number;
  attributes: Record<string, string>;
};

/** Start has no idempotency token and no output members; the caller confirms with ListParticipantReplicas. */
export async function startParticipantReplication(aws: AwsLayer, region: Region, input: StartReplicationInput): Promise<void> {
  await aws.send(
    region,
    new StartParticipantReplicationCommand({
      sourceStageArn: input.sourceStageArn,
      destinationStageArn: input.destinationStageArn,
      participantId: input.participantId,
      reconnectWindowSeconds: input.reconnectWindowSeconds,
      attributes: Object.keys(input.attributes).length ? input.attributes : undefined,
    }),
  );
}
