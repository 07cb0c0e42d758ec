import { validation } from '../errors.ts';
import type { ParticipantRecord } from '../state/records.ts';
import { participantSummaryOutput } from './output.ts';
import { page } from './pagination.ts';
import type { OperationHandler } from './types.ts';

type Input = {
  stageArn: string;
  sessionId: string;
  filterByUserId?: string;
  filterByPublished?: boolean;
  filterByState?: string;
  filterByRecordingState?: string;
  nextToken?: string;
  maxResults?: number;
};

/** The one filter of the request as a predicate and a name for the page-token scope; undefined when none. */
function filterOf(input: Input): { key: string; keep: (p: ParticipantRecord) => boolean } | undefined {
  const filters: { key: string; keep: (p: ParticipantRecord) => boolean }[] = [];
  if (input.filterByUserId !== undefined) filters.push({ key: `user=${input.filterByUserId}`, keep: (p) => p.userId === input.filterByUserId });
  // AWS is silent on whether filterByPublished=false is a filter. The pipeline passes only the members the
  // caller sent (no Smithy defaults), so an explicit false counts as a filter (those who never published), as
  // for any other member; a request that never named it has no published filter.
  if (input.filterByPublished !== undefined) {
    const want = input.filterByPublished;
    filters.push({ key: `published=${want}`, keep: (p) => p.published === want });
  }
  if (input.filterByState !== undefined) filters.push({ key: `state=${input.filterByState}`, keep: (p) => p.state === input.filterByState });
  if (input.filterByRecordingState !== undefined) {
    filters.push({ key: `recording=${input.filterByRecordingState}`, keep: (p) => p.recordingState === input.filterByRecordingState });
  }
  if (filters.length > 1) {
    throw validation(`Only one filter may be used per request; got ${filters.map((f) => f.key.split('=')[0]).join(', ')}.`);
  }
  return filters[0];
}

export const listParticipants: OperationHandler = (raw, ctx) => {
  const input = raw as Input;
  const filter = filterOf(input);
  const session = ctx.backend.session(input.stageArn, input.sessionId);
  // ResourceNotFoundException is not a modelled error of this operation: an unknown session has no participants.
  const all = session?.participants ?? [];
  // Participants are listed in order of first join. Unfiltered, the page is a slice of that array, so a page
  // costs the same whatever the session's size; a filtered page scans.
  const items = filter ? all.filter(filter.keep) : all;
  const result = page(ctx.tokens, items, input, {
    operation: 'ListParticipants',
    scope: `${input.stageArn}|${input.sessionId}|${filter?.key ?? ''}`,
    defaultPageSize: ctx.defaultPageSize,
    now: ctx.now,
  });
  return {
    participants: result.items.map(participantSummaryOutput),
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
  };
};
