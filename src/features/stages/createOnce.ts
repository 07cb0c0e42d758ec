// CreateStage has no idempotency token: a create whose answer was lost may have made the stage, and sending it again
// would make a second. So a Retry after such a failure looks for the stage first and creates only if none is there.
import type { AwsLayer } from '../../aws/awsLayer';
import { createStage, type CreateStageInput } from '../../aws/ivs/createStage';
import { listAllStages } from '../../aws/ivs/listStages';
import type { Region, StageSummary } from '../../aws/types';

export type CreateAttempt = CreateStageInput & {
  /**
   * Set on the Retry after an unclear failure: look for the stage before creating. `before` holds the stages of
   * this name that were already there when the first attempt was made; they are someone else's, not ours.
   */
  lookFirst?: { before: readonly string[] };
};

/** `found`: stages the earlier attempt made (several when the SDK's own retries each got through). */
export type CreateOutcome = { stage: StageSummary; found: StageSummary[] };

function sameTags(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

/** The stages a lost create may have made: this name and these tags, and not there before the first attempt. */
export function madeByEarlierAttempt(stages: readonly StageSummary[], v: CreateStageInput, before: readonly string[]): StageSummary[] {
  return stages.filter((s) => s.name === v.name && !before.includes(s.arn) && sameTags(s.tags, v.tags));
}

/** A stage without a name cannot be told apart from any other, so there is nothing to look for. */
export const canLookFor = (name: string): boolean => name !== '';

export async function createStageOnce(aws: AwsLayer, region: Region, v: CreateAttempt): Promise<CreateOutcome> {
  if (v.lookFirst && canLookFor(v.name)) {
    const found = madeByEarlierAttempt(await listAllStages(aws, region), v, v.lookFirst.before);
    const first = found[0];
    if (first) return { stage: first, found };
  }
  const stage = await createStage(aws, region, { name: v.name, tags: v.tags });
  return { stage, found: [] };
}
