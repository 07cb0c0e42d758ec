import { ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toStageSummary } from '../normalize';
import type { Page, Region, StageSummary } from '../types';
import { PAGE_SIZE } from '../limits';
import { realClock } from '../rateLimiter';

export async function listStages(aws: AwsLayer, region: Region, nextToken?: string, signal?: AbortSignal): Promise<Page<StageSummary>> {
  const out = await aws.send(region, new ListStagesCommand({ maxResults: PAGE_SIZE.ListStages, nextToken }), signal);
  return { items: (out.stages ?? []).map(toStageSummary), ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
}

/**
 * Walks every ListStages page (PAGE_SIZE.ListStages per call). `pageGapMs` spaces the pages: ListStages allows 5 requests a second
 * per account and region, so a walk of more than five pages sent back to back would be throttled by its own tail.
 */
export async function listAllStages(aws: AwsLayer, region: Region, signal?: AbortSignal, pageGapMs = 0): Promise<StageSummary[]> {
  const all: StageSummary[] = [];
  let token: string | undefined;
  do {
    const page = await listStages(aws, region, token, signal);
    all.push(...page.items);
    token = page.nextToken;
    if (token && pageGapMs > 0) await realClock.sleep(pageGapMs, signal);
  } while (token);
  return all;
}
