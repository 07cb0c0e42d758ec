import { ListParticipantReplicasCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toReplica } from '../normalize';
import type { ParticipantReplica, Region } from '../types';

/** All replicas of one source participant; the API caps a page at 50. */
export async function listParticipantReplicas(
  aws: AwsLayer,
  region: Region,
  key: { sourceStageArn: string; participantId: string },
  signal?: AbortSignal,
): Promise<ParticipantReplica[]> {
  const replicas: ParticipantReplica[] = [];
  let nextToken: string | undefined;
  do {
    const out = await aws.send(region, new ListParticipantReplicasCommand({ ...key, nextToken, maxResults: 50 }), signal);
    replicas.push(...(out.replicas ?? []).map(toReplica));
    nextToken = out.nextToken;
  } while (nextToken);
  return replicas;
}
