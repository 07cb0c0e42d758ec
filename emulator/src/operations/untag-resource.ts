import { requireTaggable } from './tag-lookup.ts';
import { checkTagKey } from './tag-rules.ts';
import type { OperationHandler } from './types.ts';

export const untagResource: OperationHandler = (raw, ctx) => {
  const input = raw as { resourceArn: string; tagKeys: string[] };
  for (const key of input.tagKeys) checkTagKey(key, 'tagKeys');
  const arn = requireTaggable(input.resourceArn, ctx);
  const tags = { ...(ctx.backend.tags.get(arn) ?? {}) };
  // Removing a key the resource does not have is not an error (UntagResource is idempotent in the model).
  for (const key of input.tagKeys) delete tags[key];
  if (Object.keys(tags).length > 0) ctx.backend.tags.set(arn, tags);
  else ctx.backend.tags.delete(arn);
  ctx.backend.changed();
  return {};
};
