import { conflict, notFound, quotaExceeded, validation } from '../errors.ts';
import { replicationsFrom, startReplication } from '../state/replication.ts';
import { MAX_PUBLISHERS_PER_STAGE } from '../state/store.ts';
import { checkAttributes } from './attributes.ts';
import { requireStage } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

type Input = { sourceStageArn: string; destinationStageArn: string; participantId: string; reconnectWindowSeconds?: number; attributes?: Record<string, string> };

export const startParticipantReplication: OperationHandler = (raw, ctx) => {
  const input = raw as Input;
  // The model states the 1 KB limit on this request's field; that is what is checked (attributes.ts on the merge).
  checkAttributes(input.attributes, 'attributes');
  // AWS is silent on source = destination; we refuse with ValidationException: the request itself is wrong.
  if (input.sourceStageArn === input.destinationStageArn) throw validation('sourceStageArn and destinationStageArn must be different stages.');
  const sourceStage = requireStage(ctx.backend, input.sourceStageArn);
  const destStage = requireStage(ctx.backend, input.destinationStageArn);

  const session = ctx.backend.activeSession(sourceStage);
  const source = session?.index.get(input.participantId);
  if (!session || !source) {
    const known = sourceStage.sessionIds.some((id) => ctx.backend.sessions.get(id)?.index.has(input.participantId));
    // A participant of an earlier session exists but cannot publish now: that is the not-publishing case below.
    if (!known) throw notFound(`Participant ${input.participantId} was not found in stage ${sourceStage.arn}.`);
  }
  // AWS is silent on replicating a replica; we refuse with ValidationException, since only the original
  // publisher can be replicated and retrying the same request cannot succeed.
  if (source?.replicationType === 'REPLICA') {
    throw validation(`Participant ${input.participantId} is a replica in stage ${sourceStage.arn}; replicate its source instead.`);
  }
  // AWS is silent on the error for a participant that is not publishing (or not connected, or not in the live
  // session); we use ValidationException: the request names a participant that cannot be replicated.
  if (!session || !source || source.state !== 'CONNECTED' || !source.publishing) {
    throw validation(`Participant ${input.participantId} is not publishing in the live session of stage ${sourceStage.arn}; only a publishing participant can be replicated.`);
  }
  // AWS is silent on a second Start for a replication that is active (an SDK retry after a 500 does this);
  // we answer ConflictException, a modelled error of Start, so a client can confirm with ListParticipantReplicas.
  if (replicationsFrom(ctx.backend, session.id, source.participantId).some((r) => r.destinationStageArn === destStage.arn)) {
    throw conflict(`Participant ${input.participantId} is already being replicated to ${destStage.arn}.`);
  }
  const destSession = ctx.backend.activeSession(destStage);
  const clash = destSession?.index.get(source.participantId);
  if (clash && clash.replicationType !== 'REPLICA') {
    throw conflict(`Stage ${destStage.arn} already has a participant ${source.participantId}.`);
  }
  // AWS is silent on whether replicas count toward the publishers-per-stage quota; we count them, since a
  // replica sends media in its stage like any publisher (this is Start's ServiceQuotaExceededException).
  if (destSession && ctx.backend.publisherCount(destSession) >= MAX_PUBLISHERS_PER_STAGE) {
    throw quotaExceeded(`Stage ${destStage.arn} already has ${MAX_PUBLISHERS_PER_STAGE} publishers.`);
  }
  startReplication(ctx.backend, {
    source,
    sourceSession: session,
    destinationStageArn: destStage.arn,
    reconnectWindowMs: (input.reconnectWindowSeconds ?? 0) * 1000,
    attributes: input.attributes ?? {},
    at: ctx.now,
  });
  ctx.backend.changed();
  return {};
};
