import { ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toStageSummary } from '../normalize';
import type { Page, Region, StageSummary } from '../types';
import { PAGE_SIZE } from '../limits';

export async function listStages(aws: AwsLayer, region: Region, nextToken?: string, signal?: AbortSignal): Promise<Page<StageSummary>> {
  const out = await aws.send(region, new ListStagesCommand({ maxResults: PAGE_SIZE.ListStages, nextToken }), signal);
  return { items: (out.stages ?? []).map(toStageSummary), ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
}

/** Walks every ListStages page. */
export async function listAllStages(aws: AwsLayer, region: Region, signal?: AbortSignal): Promise<StageSummary[]> {
  const all: StageSummary[] = [];
  let token: string | undefined;
  do {
    const page = await listStages(aws, region, token, signal);
    all.push(...page.items);
    token = page.nextToken;
  } while (token);
  return all;
}
