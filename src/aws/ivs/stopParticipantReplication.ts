import { StopParticipantReplicationCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import type { Region, ReplicationKey } from '../types';

export async function stopParticipantReplication(aws: AwsLayer, region: Region, key: ReplicationKey): Promise<void> {
  await aws.send(region, new StopParticipantReplicationCommand(key));
}
