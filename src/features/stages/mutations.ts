import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import { createParticipantToken, type CreateTokenInput } from '../../aws/ivs/createParticipantToken';
import { createStage, type CreateStageInput } from '../../aws/ivs/createStage';
import { deleteStage } from '../../aws/ivs/deleteStage';
import { updateStage, type UpdateStageInput } from '../../aws/ivs/updateStage';
import type { AppError } from '../../aws/errors';
import type { ParticipantToken, Region, Stage } from '../../aws/types';
import { stageQueries } from './queries';

export function useCreateStage(region: Region): UseMutationResult<Stage, AppError, CreateStageInput> {
  const aws = useAws();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateStageInput) => createStage(aws, region, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: stageQueries.lists(region) }),
  });
}

export function useUpdateStage(region: Region): UseMutationResult<Stage, AppError, UpdateStageInput> {
  const aws = useAws();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateStageInput) => updateStage(aws, region, input),
    onSuccess: (_s, v) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: stageQueries.lists(region) }),
        qc.invalidateQueries({ queryKey: stageQueries.one(region, v.arn) }),
      ]),
  });
}

export function useDeleteStage(region: Region): UseMutationResult<void, AppError, string> {
  const aws = useAws();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arn: string) => deleteStage(aws, region, arn),
    onSuccess: (_v, arn) => {
      qc.removeQueries({ queryKey: stageQueries.one(region, arn) });
      return qc.invalidateQueries({ queryKey: stageQueries.lists(region) });
    },
  });
}

/** A new token changes nothing cached: the participant only exists once someone joins with it. */
export function useCreateToken(region: Region): UseMutationResult<ParticipantToken, AppError, CreateTokenInput> {
  const aws = useAws();
  return useMutation({ mutationFn: (input: CreateTokenInput) => createParticipantToken(aws, region, input) });
}
