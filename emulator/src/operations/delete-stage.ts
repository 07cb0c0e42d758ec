import { requireStage } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

export const deleteStage: OperationHandler = (raw, ctx) => {
  const stage = requireStage(ctx.backend, (raw as { arn: string }).arn);
  ctx.backend.deleteStage(stage);
  ctx.backend.changed();
  return {};
};
