import { useMutation, useQueryClient, type QueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import type { AppError } from '../../aws/errors';
import { startParticipantReplication, type StartReplicationInput } from '../../aws/ivs/startParticipantReplication';
import { stopParticipantReplication } from '../../aws/ivs/stopParticipantReplication';
import type { Region, ReplicationKey } from '../../aws/types';
import { replicaQueries } from './queries';

/**
 * A replication changes the source participant, its replica list and both stages' participants.
 * Other features own those keys, so match them by region + stage ARN instead of importing them.
 */
function invalidateReplication(qc: QueryClient, region: Region, v: ReplicationKey): Promise<void> {
  return qc.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'ivs' &&
      q.queryKey[1] === region &&
      (q.queryKey.includes(v.sourceStageArn) || q.queryKey.includes(v.destinationStageArn)),
  });
}

export function useStartReplication(region: Region): UseMutationResult<void, AppError, StartReplicationInput> {
  const aws = useAws();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: StartReplicationInput) => startParticipantReplication(aws, region, v),
    onSuccess: (_o, v) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: replicaQueries.ofParticipant(region, v) }),
        invalidateReplication(qc, region, v),
      ]).then(() => undefined),
  });
}

export function useStopReplication(region: Region): UseMutationResult<void, AppError, ReplicationKey> {
  const aws = useAws();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ReplicationKey) => stopParticipantReplication(aws, region, v),
    onSuccess: (_o, v) => invalidateReplication(qc, region, v),
  });
}
