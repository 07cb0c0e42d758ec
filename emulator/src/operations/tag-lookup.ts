// The resource a tag operation names. The model's ResourceArn pattern is wrong (`…:[a-z-]/…` matches one character,
// so real stage ARNs fail it), so we check the ARN's form here instead.
import { notFound, validation } from '../errors.ts';
import { parseArn, RESOURCE_TYPES } from '../state/arn.ts';
import type { OperationContext } from './types.ts';

/** Tags per resource, as the model's Tags shape bounds them. */
export const MAX_TAGS = 50;

export function requireTaggable(arn: string, ctx: OperationContext): string {
  const parsed = parseArn(arn);
  // AWS is silent on which resource types take tags (its docs name only stages, yet every create call takes
  // tags); we accept the ARN form for all six types, and answer 404 for any resource this emulator does not hold.
  if (!parsed) throw validation(`resourceArn "${arn}" is not an IVS Real-Time ARN of a ${RESOURCE_TYPES.join(', ')}.`);
  const here = parsed.region === ctx.region && parsed.accountId === ctx.accountId;
  if (!here || parsed.type !== 'stage' || !ctx.backend.stage(arn)) throw notFound(`Resource ${arn} was not found.`);
  return arn;
}
