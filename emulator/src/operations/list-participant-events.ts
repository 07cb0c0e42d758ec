import { eventOutput } from './output.ts';
import { page } from './pagination.ts';
import type { OperationHandler } from './types.ts';

type Input = { stageArn: string; sessionId: string; participantId: string; nextToken?: string; maxResults?: number };

export const listParticipantEvents: OperationHandler = (raw, ctx) => {
  const input = raw as Input;
  const p = ctx.backend.session(input.stageArn, input.sessionId)?.index.get(input.participantId);
  // ResourceNotFoundException is not a modelled error of this operation: an unknown participant has no events.
  // AWS is silent on the order; we list newest first, as the service's CLI examples show.
  const events = p ? [...p.events].reverse() : [];
  const result = page(ctx.tokens, events, input, {
    operation: 'ListParticipantEvents',
    scope: `${input.stageArn}|${input.sessionId}|${input.participantId}`,
    defaultPageSize: ctx.defaultPageSize,
    now: ctx.now,
  });
  return {
    events: result.items.map(eventOutput),
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
  };
};
