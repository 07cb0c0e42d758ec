import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import { createParticipantToken, type CreateTokenInput } from '../../aws/ivs/createParticipantToken';
import { deleteStage } from '../../aws/ivs/deleteStage';
import { updateStage, type UpdateStageInput } from '../../aws/ivs/updateStage';
import type { AppError } from '../../aws/errors';
import type { ParticipantToken, Region, Stage } from '../../aws/types';
import { href } from '../../routing/route';
import { participantWords, stageWords } from '../../components/noticeWords';
import { untrustedPlain } from '../../components/untrusted';
import { useNotify } from '../../query/notices';
import { cachedStageName } from '../../query/stageNames';
import { createStageOnce, type CreateAttempt, type CreateOutcome } from './createOnce';
import { stageQueries } from './queries';

// Each mutation says what it did once it has: in the notice region, naming the stage, with a link to it.

export function useCreateStage(region: Region): UseMutationResult<CreateOutcome, AppError, CreateAttempt> {
  const aws = useAws();
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (v: CreateAttempt) => createStageOnce(aws, region, v),
    onSuccess: ({ stage, found }) => {
      const name = stageWords(stage.arn, stage.name);
      const link = { href: href('/regions/:region/stages/:stageArn', { region, stageArn: stage.arn }), label: `Open stage ${name}` };
      if (found.length === 0) notify({ text: `Stage ${name} created in ${region}.`, link });
      else if (found.length === 1) notify({ text: `Stage ${name} was already created by the earlier attempt; nothing new was created.`, link });
      else {
        notify({
          tone: 'unsure',
          text: `The earlier attempt created ${found.length} stages named ${name} (IVS received it more than once); nothing new was created. Delete the extras from the stage list.`,
          link: { href: href('/regions/:region/stages', { region }, { q: stage.name }), label: `Stages named ${name}` },
        });
      }
      return qc.invalidateQueries({ queryKey: stageQueries.lists(region) });
    },
  });
}

/** "renamed from desk; tags team=red added, env removed", or "no changes". */
function updateWords(oldName: string | undefined, v: UpdateStageInput): string {
  const parts: string[] = [];
  if (oldName !== undefined && oldName !== v.name) parts.push(`renamed from ${stageWords(v.arn, oldName)}`);
  const tag = (k: string): string => untrustedPlain(`${k}=${v.tags[k] ?? ''}`, 60);
  const added = Object.keys(v.tags).filter((k) => !(k in v.previousTags)).map(tag);
  const changed = Object.keys(v.tags).filter((k) => k in v.previousTags && v.previousTags[k] !== v.tags[k]).map(tag);
  const removed = Object.keys(v.previousTags).filter((k) => !(k in v.tags)).map((k) => untrustedPlain(k, 60));
  if (added.length) parts.push(`tag${added.length > 1 ? 's' : ''} ${added.join(', ')} added`);
  if (changed.length) parts.push(`tag${changed.length > 1 ? 's' : ''} ${changed.join(', ')} changed`);
  if (removed.length) parts.push(`tag${removed.length > 1 ? 's' : ''} ${removed.join(', ')} removed`);
  return parts.join('; ') || 'no changes';
}

export function useUpdateStage(region: Region): UseMutationResult<Stage, AppError, UpdateStageInput> {
  const aws = useAws();
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (input: UpdateStageInput) => updateStage(aws, region, input),
    onSuccess: (s, v) => {
      const name = stageWords(s.arn, s.name || v.name);
      notify({ text: `Stage ${name} saved: ${updateWords(cachedStageName(qc, v.arn), v)}.`, link: { href: href('/regions/:region/stages/:stageArn', { region, stageArn: s.arn }), label: `Open stage ${name}` } });
      return Promise.all([
        qc.invalidateQueries({ queryKey: stageQueries.lists(region) }),
        qc.invalidateQueries({ queryKey: stageQueries.one(region, v.arn) }),
      ]);
    },
  });
}

export function useDeleteStage(region: Region): UseMutationResult<void, AppError, string> {
  const aws = useAws();
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (arn: string) => deleteStage(aws, region, arn),
    onSuccess: (_v, arn) => {
      // Read before the stage leaves the cache.
      notify({
        text: `Stage ${stageWords(arn, cachedStageName(qc, arn))} deleted; everyone in it was disconnected.`,
        link: { href: href('/regions/:region/stages', { region }), label: `Stages in ${region}` },
      });
      qc.removeQueries({ queryKey: stageQueries.one(region, arn) });
      return qc.invalidateQueries({ queryKey: stageQueries.lists(region) });
    },
  });
}

/** A new token changes nothing cached: the participant only exists once someone joins with it. */
export function useCreateToken(region: Region): UseMutationResult<ParticipantToken, AppError, CreateTokenInput> {
  const aws = useAws();
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => createParticipantToken(aws, region, input),
    onSuccess: (t, v) => {
      const who = participantWords(t.participantId, { userId: v.userId, displayName: v.attributes.displayName });
      const stage = stageWords(v.stageArn, cachedStageName(qc, v.stageArn));
      notify({
        text: `Participant token${who === t.participantId ? '' : ` for ${who}`} created in stage ${stage} (participant ${t.participantId}); copy it from the dialog, it is shown only once.`,
        link: { href: href('/regions/:region/stages/:stageArn', { region, stageArn: v.stageArn }), label: `Open stage ${stage}` },
      });
    },
  });
}
