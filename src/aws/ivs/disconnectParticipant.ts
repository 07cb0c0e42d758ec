import { DisconnectParticipantCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import type { Region } from '../types';

export async function disconnectParticipant(
  aws: AwsLayer,
  region: Region,
  input: { stageArn: string; participantId: string; reason?: string },
): Promise<void> {
  await aws.send(region, new DisconnectParticipantCommand({ ...input, reason: input.reason || undefined }));
}
