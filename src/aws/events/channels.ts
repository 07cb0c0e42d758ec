// Channel names of the stage-events API. Kept apart from the protocol code so that views can name channels
// without loading the client, which is fetched only when config.json names events endpoints.

/** The namespace the stage-events relay publishes into; one channel per stage below it. */
export const EVENTS_NAMESPACE = 'ivs';
/** Every stage of a region (the wildcard matches deeper paths). */
export const ALL_STAGES_CHANNEL = `/${EVENTS_NAMESPACE}/*`;

const SEGMENT = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;

/** The stage id (last segment of its ARN) when it is a valid channel segment; undefined otherwise. */
export function stageIdOf(stageArn: string): string | undefined {
  const id = stageArn.split('/').pop() ?? '';
  return SEGMENT.test(id) ? id : undefined;
}

/** The channel of one stage's events, `/ivs/stage/<stageId>`; undefined for an ARN whose id cannot be a segment. */
export function stageChannel(stageArn: string): string | undefined {
  const id = stageIdOf(stageArn);
  return id ? `/${EVENTS_NAMESPACE}/stage/${id}` : undefined;
}
