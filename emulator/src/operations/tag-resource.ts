import { validation } from '../errors.ts';
import { MAX_TAGS, requireTaggable } from './tag-lookup.ts';
import { checkTags } from './tag-rules.ts';
import type { OperationHandler } from './types.ts';

export const tagResource: OperationHandler = (raw, ctx) => {
  const input = raw as { resourceArn: string; tags: Record<string, string> };
  checkTags(input.tags, 'tags');
  const arn = requireTaggable(input.resourceArn, ctx);
  const merged = { ...(ctx.backend.tags.get(arn) ?? {}), ...input.tags };
  if (Object.keys(merged).length > MAX_TAGS) {
    throw validation(`A resource may have at most ${MAX_TAGS} tags; this request would leave ${Object.keys(merged).length}.`);
  }
  ctx.backend.tags.set(arn, merged);
  ctx.backend.changed();
  return {};
};
