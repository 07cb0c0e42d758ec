import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import type { AppError } from '../../aws/errors';
import { disconnectParticipant } from '../../aws/ivs/disconnectParticipant';
import type { Region } from '../../aws/types';
import { useSub } from '../../auth/useDraft';
import { participantQueries } from './queries';
import { startRejoinWatch } from './rejoin/rejoin';

export type DisconnectInput = {
  stageArn: string;
  participantId: string;
  reason: string;
  /** Follow whether the user comes back (rejoin.ts): the session they are dropped from and their user id, if any. */
  follow?: { sessionId: string; userId: string | undefined };
};

export function useDisconnectParticipant(region: Region): UseMutationResult<void, AppError, DisconnectInput> {
  const aws = useAws();
  const qc = useQueryClient();
  const sub = useSub();
  return useMutation({
    mutationFn: ({ stageArn, participantId, reason }: DisconnectInput) => disconnectParticipant(aws, region, { stageArn, participantId, reason }),
    onSuccess: (_o, v) => {
      if (v.follow) startRejoinWatch(sub, { region, stageArn: v.stageArn, participantId: v.participantId, ...v.follow });
      return qc.invalidateQueries({ queryKey: participantQueries.inStage(region, v.stageArn) });
    },
  });
}
