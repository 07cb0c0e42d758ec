import { ListParticipantEventsCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toEvent } from '../normalize';
import type { ParticipantEvent, ParticipantKey, Region } from '../types';

/** The timeline needs every event, so this walks all pages inside one call (P5). */
export async function listAllParticipantEvents(
  aws: AwsLayer,
  region: Region,
  key: ParticipantKey,
  signal?: AbortSignal,
): Promise<ParticipantEvent[]> {
  const events: ParticipantEvent[] = [];
  let nextToken: string | undefined;
  do {
    const out = await aws.send(region, new ListParticipantEventsCommand({ ...key, nextToken, maxResults: 100 }), signal);
    events.push(...(out.events ?? []).map(toEvent));
    nextToken = out.nextToken;
  } while (nextToken);
  return events;
}
