import { CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toStage } from '../normalize';
import type { Region, Stage } from '../types';

export type CreateStageInput = { name: string; tags: Record<string, string> };

export async function createStage(aws: AwsLayer, region: Region, input: CreateStageInput): Promise<Stage> {
  const tags = Object.keys(input.tags).length ? input.tags : undefined;
  const out = await aws.send(region, new CreateStageCommand({ name: input.name || undefined, tags }), undefined, { once: true });
  return toStage(out.stage);
}
