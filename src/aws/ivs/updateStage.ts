import { TagResourceCommand, UntagResourceCommand, UpdateStageCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toStage } from '../normalize';
import type { Region, Stage } from '../types';

export type UpdateStageInput = {
  arn: string;
  name: string;
  tags: Record<string, string>;
  previousTags: Record<string, string>;
};

/** UpdateStage changes the name; tags change only through TagResource / UntagResource. */
export async function updateStage(aws: AwsLayer, region: Region, input: UpdateStageInput): Promise<Stage> {
  const out = await aws.send(region, new UpdateStageCommand({ arn: input.arn, name: input.name }));
  const removed = Object.keys(input.previousTags).filter((k) => !(k in input.tags));
  const changed = Object.entries(input.tags).filter(([k, v]) => input.previousTags[k] !== v);
  if (removed.length) await aws.send(region, new UntagResourceCommand({ resourceArn: input.arn, tagKeys: removed }));
  if (changed.length) {
    await aws.send(region, new TagResourceCommand({ resourceArn: input.arn, tags: Object.fromEntries(changed) }));
  }
  return { ...toStage(out.stage), tags: { ...input.tags } };
}
