import { page } from './pagination.ts';
import { stageSummaryOutput } from './output.ts';
import type { OperationHandler } from './types.ts';

// Stages are listed in order of creation, so pages stay stable while stages are added.
export const listStages: OperationHandler = (raw, ctx) => {
  const result = page(ctx.tokens, [...ctx.backend.stages.values()], raw, {
    operation: 'ListStages',
    scope: `${ctx.accountId}/${ctx.region}`,
    defaultPageSize: ctx.defaultPageSize,
    now: ctx.now,
  });
  return {
    stages: result.items.map((s) => stageSummaryOutput(s, ctx.backend.tags.get(s.arn))),
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
  };
};
