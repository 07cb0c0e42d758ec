import { GetParticipantCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toParticipant } from '../normalize';
import type { Participant, ParticipantKey, Region } from '../types';

export async function getParticipant(aws: AwsLayer, region: Region, key: ParticipantKey, signal?: AbortSignal): Promise<Participant> {
  const out = await aws.send(region, new GetParticipantCommand(key), signal);
  return toParticipant(out.participant);
}
