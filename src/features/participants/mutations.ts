import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import type { AppError } from '../../aws/errors';
import { disconnectParticipant } from '../../aws/ivs/disconnectParticipant';
import type { Region } from '../../aws/types';
import { participantQueries } from './queries';

export type DisconnectInput = { stageArn: string; participantId: string; reason: string };

export function useDisconnectParticipant(region: Region): UseMutationResult<void, AppError, DisconnectInput> {
  const aws = useAws();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: DisconnectInput) => disconnectParticipant(aws, region, v),
    onSuccess: (_o, v) => qc.invalidateQueries({ queryKey: participantQueries.inStage(region, v.stageArn) }),
  });
}
