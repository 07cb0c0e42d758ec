import { ListParticipantsCommand, type ListParticipantsRequest } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toParticipantSummary } from '../normalize';
import type { Page, ParticipantFilter, ParticipantSummary, Region } from '../types';
import { PAGE_SIZE } from '../limits';

/** IVS accepts at most one filter per call, and `filterByPublished: false` must never be sent. */
export function filterToRequest(filter: ParticipantFilter): Partial<ListParticipantsRequest> {
  switch (filter.kind) {
    case 'state':
      return { filterByState: filter.value };
    case 'published':
      return { filterByPublished: true };
    case 'userId':
      return { filterByUserId: filter.value };
    case 'recordingState':
      return { filterByRecordingState: filter.value };
    case 'none':
      return {};
  }
}

export async function listParticipants(
  aws: AwsLayer,
  region: Region,
  args: { stageArn: string; sessionId: string; filter: ParticipantFilter; nextToken?: string; maxResults?: number },
  signal?: AbortSignal,
): Promise<Page<ParticipantSummary>> {
  const out = await aws.send(
    region,
    new ListParticipantsCommand({
      stageArn: args.stageArn,
      sessionId: args.sessionId,
      nextToken: args.nextToken,
      maxResults: args.maxResults ?? PAGE_SIZE.ListParticipants,
      ...filterToRequest(args.filter),
    }),
    signal,
  );
  return { items: (out.participants ?? []).map(toParticipantSummary), ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
}
