import { ListStageSessionsCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toSession } from '../normalize';
import type { Page, Region, StageSession } from '../types';
import { PAGE_SIZE } from '../limits';

export async function listStageSessions(
  aws: AwsLayer,
  region: Region,
  stageArn: string,
  nextToken?: string,
  signal?: AbortSignal,
): Promise<Page<StageSession>> {
  const out = await aws.send(region, new ListStageSessionsCommand({ stageArn, nextToken, maxResults: PAGE_SIZE.ListStageSessions }), signal);
  return { items: (out.stageSessions ?? []).map(toSession), ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
}
