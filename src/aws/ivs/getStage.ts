import { GetStageCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toStage } from '../normalize';
import type { Region, Stage } from '../types';

export async function getStage(aws: AwsLayer, region: Region, arn: string, signal?: AbortSignal): Promise<Stage> {
  const out = await aws.send(region, new GetStageCommand({ arn }), signal);
  return toStage(out.stage);
}
