import { replicaOutput } from './output.ts';
import { page } from './pagination.ts';
import type { OperationHandler } from './types.ts';

type Input = { sourceStageArn: string; participantId: string; nextToken?: string; maxResults?: number };

export const listParticipantReplicas: OperationHandler = (raw, ctx) => {
  const input = raw as Input;
  // AWS is silent on an unknown stage or participant (no NotFound is modelled); we return an empty list.
  // AWS is silent on how long STOPPED replicas are listed; we keep them for the lifetime of the source
  // session (they are dropped when it ends), so a console can show what just ended. Oldest first.
  const replicas = ctx.backend.replications.filter((r) => r.sourceStageArn === input.sourceStageArn && r.participantId === input.participantId);
  const result = page(ctx.tokens, replicas, input, {
    operation: 'ListParticipantReplicas',
    scope: `${input.sourceStageArn}|${input.participantId}`,
    defaultPageSize: ctx.defaultPageSize,
    now: ctx.now,
  });
  return {
    replicas: result.items.map(replicaOutput),
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
  };
};
