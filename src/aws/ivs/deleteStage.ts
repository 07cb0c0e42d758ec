import { DeleteStageCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import type { Region } from '../types';

export async function deleteStage(aws: AwsLayer, region: Region, arn: string): Promise<void> {
  await aws.send(region, new DeleteStageCommand({ arn }));
}
