import type { SessionRecord } from '../state/records.ts';
import { sessionOutput } from './output.ts';
import { page } from './pagination.ts';
import type { OperationHandler } from './types.ts';

export const listStageSessions: OperationHandler = (raw, ctx) => {
  const input = raw as { stageArn: string; nextToken?: string; maxResults?: number };
  const stage = ctx.backend.stage(input.stageArn);
  // ResourceNotFoundException is not a modelled error of this operation: an unknown stage has no sessions.
  // AWS is silent on the order; we list newest first, so the live session leads.
  const sessions: SessionRecord[] = [];
  for (const id of [...(stage?.sessionIds ?? [])].reverse()) {
    const s = ctx.backend.sessions.get(id);
    if (s) sessions.push(s);
  }
  const result = page(ctx.tokens, sessions, input, {
    operation: 'ListStageSessions',
    scope: input.stageArn,
    defaultPageSize: ctx.defaultPageSize,
    now: ctx.now,
  });
  return {
    stageSessions: result.items.map(sessionOutput),
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
  };
};
