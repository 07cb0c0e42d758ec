import { ListParticipantEventsCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toEvent } from '../normalize';
import type { ParticipantEvent, ParticipantKey, Region } from '../types';
import { PAGE_SIZE } from '../limits';

/** The timeline needs every event, so this walks all pages (each as large as the API allows) inside one call. */
export async function listAllParticipantEvents(
  aws: AwsLayer,
  region: Region,
  key: ParticipantKey,
  signal?: AbortSignal,
): Promise<ParticipantEvent[]> {
  const events: ParticipantEvent[] = [];
  let nextToken: string | undefined;
  do {
    const out = await aws.send(region, new ListParticipantEventsCommand({ ...key, nextToken, maxResults: PAGE_SIZE.ListParticipantEvents }), signal);
    events.push(...(out.events ?? []).map(toEvent));
    nextToken = out.nextToken;
  } while (nextToken);
  return events;
}
