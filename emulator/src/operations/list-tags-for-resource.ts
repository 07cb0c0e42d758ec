import { requireTaggable } from './tag-lookup.ts';
import type { OperationHandler } from './types.ts';

export const listTagsForResource: OperationHandler = (raw, ctx) => {
  const arn = requireTaggable((raw as { resourceArn: string }).resourceArn, ctx);
  return { tags: { ...(ctx.backend.tags.get(arn) ?? {}) } };
};
