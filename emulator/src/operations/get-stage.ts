import { stageOutput } from './output.ts';
import { requireStage } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

export const getStage: OperationHandler = (raw, ctx) => {
  const stage = requireStage(ctx.backend, (raw as { arn: string }).arn);
  return { stage: stageOutput(stage, ctx.backend.tags.get(stage.arn)) };
};
