import { participantOutput } from './output.ts';
import { requireParticipant, requireSession } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

export const getParticipant: OperationHandler = (raw, ctx) => {
  const input = raw as { stageArn: string; sessionId: string; participantId: string };
  const session = requireSession(ctx.backend, input.stageArn, input.sessionId);
  const p = requireParticipant(session, input.participantId);
  return { participant: participantOutput(p, ctx.backend.stage(input.stageArn), session.id) };
};
