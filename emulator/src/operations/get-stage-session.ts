import { sessionOutput } from './output.ts';
import { requireSession } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

export const getStageSession: OperationHandler = (raw, ctx) => {
  const input = raw as { stageArn: string; sessionId: string };
  return { stageSession: sessionOutput(requireSession(ctx.backend, input.stageArn, input.sessionId)) };
};
