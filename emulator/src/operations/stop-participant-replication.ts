import { notFound } from '../errors.ts';
import { stopReplication } from '../state/replication.ts';
import { requireStage } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

type Input = { sourceStageArn: string; destinationStageArn: string; participantId: string };

export const stopParticipantReplication: OperationHandler = (raw, ctx) => {
  const input = raw as Input;
  requireStage(ctx.backend, input.sourceStageArn);
  requireStage(ctx.backend, input.destinationStageArn);
  const r = ctx.backend.replications.find(
    (x) => x.state === 'ACTIVE' && x.sourceStageArn === input.sourceStageArn && x.destinationStageArn === input.destinationStageArn && x.participantId === input.participantId,
  );
  // AWS is silent on stopping a replication that is not active; we answer 404 (Stop has no ConflictException).
  if (!r) throw notFound(`Participant ${input.participantId} is not being replicated from ${input.sourceStageArn} to ${input.destinationStageArn}.`);
  stopReplication(ctx.backend, r, ctx.now);
  ctx.backend.changed();
  return {};
};
