import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import type { AppError } from '../../aws/errors';
import { disconnectParticipant } from '../../aws/ivs/disconnectParticipant';
import type { Region } from '../../aws/types';
import { useSub } from '../../auth/useDraft';
import { href } from '../../routing/route';
import { participantWords, stageWords } from '../../components/noticeWords';
import { untrustedPlain } from '../../components/untrusted';
import { useNotify } from '../../query/notices';
import { cachedParticipant, cachedStageName } from '../../query/stageNames';
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
  const notify = useNotify();
  return useMutation({
    mutationFn: ({ stageArn, participantId, reason }: DisconnectInput) => disconnectParticipant(aws, region, { stageArn, participantId, reason }),
    onSuccess: (_o, v) => {
      const who = participantWords(v.participantId, { ...cachedParticipant(qc, region, v.participantId), ...(v.follow?.userId ? { userId: v.follow.userId } : {}) });
      const stage = stageWords(v.stageArn, cachedStageName(qc, v.stageArn));
      notify({
        text: `${who} was disconnected from stage ${stage}${v.reason ? ` (reason: ${untrustedPlain(v.reason, 80)})` : ''}. Their token stays valid, so they can join again.`,
        link: v.follow
          ? { href: href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn: v.stageArn, sessionId: v.follow.sessionId }), label: `Participants of stage ${stage}` }
          : { href: href('/regions/:region/stages/:stageArn', { region, stageArn: v.stageArn }), label: `Open stage ${stage}` },
      });
      if (v.follow) startRejoinWatch(sub, { region, stageArn: v.stageArn, participantId: v.participantId, ...v.follow });
      return qc.invalidateQueries({ queryKey: participantQueries.inStage(region, v.stageArn) });
    },
  });
}
