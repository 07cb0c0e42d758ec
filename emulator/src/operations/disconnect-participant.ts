import { notFound } from '../errors.ts';
import { disconnect } from '../state/presence.ts';
import { requireStage } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

type Input = { stageArn: string; participantId: string; reason?: string };

export const disconnectParticipant: OperationHandler = (raw, ctx) => {
  const input = raw as Input;
  const stage = requireStage(ctx.backend, input.stageArn);
  const session = ctx.backend.activeSession(stage);
  const p = session?.index.get(input.participantId);
  // AWS is silent on disconnecting a participant that is not connected (left already, or never joined with
  // its token); we answer 404, since there is no connection to end. Tokens are not revoked: the participant may
  // join again. The reason is not kept: no output or event carries it.
  if (!session || !p || p.state !== 'CONNECTED') {
    throw notFound(`Participant ${input.participantId} is not connected to stage ${stage.arn}.`);
  }
  disconnect(ctx.backend, session, p, ctx.now);
  ctx.backend.changed();
  return {};
};
