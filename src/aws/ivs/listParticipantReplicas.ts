import { ListParticipantReplicasCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toReplica } from '../normalize';
import type { ParticipantReplica, Region } from '../types';
import { PAGE_SIZE } from '../limits';

/** All replicas of one source participant, in pages as large as the API allows. */
export async function listParticipantReplicas(
  aws: AwsLayer,
  region: Region,
  key: { sourceStageArn: string; participantId: string },
  signal?: AbortSignal,
): Promise<ParticipantReplica[]> {
  const replicas: ParticipantReplica[] = [];
  let nextToken: string | undefined;
  do {
    const out = await aws.send(region, new ListParticipantReplicasCommand({ ...key, nextToken, maxResults: PAGE_SIZE.ListParticipantReplicas }), signal);
    replicas.push(...(out.replicas ?? []).map(toReplica));
    nextToken = out.nextToken;
  } while (nextToken);
  return replicas;
}
