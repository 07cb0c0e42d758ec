// The EventBridge events IVS Real-Time sends for a change, built from what the emulator records: "IVS Stage Update"
// for publishes, publish errors and replications, and "IVS Participant Recording State Change" for individual
// participant recording. The envelope is EventBridge's standard one (version, id, detail-type, source, account, time,
// region, resources, detail). IVS sends no event for joins, leaves, subscribes or session start and end (those
// exist only in ListParticipantEvents), so the emulator sends none either: a console must still poll for them.
import { randomUUID } from 'node:crypto';
import type { StoreEvent } from '../state/store.ts';

export type EventBridgeEvent = {
  version: '0';
  id: string;
  'detail-type': 'IVS Stage Update' | 'IVS Participant Recording State Change' | 'IVS Composition State Change';
  source: 'aws.ivs';
  account: string;
  /** ISO 8601 in whole seconds, as EventBridge writes it. */
  time: string;
  region: string;
  /** The stage ARN for stage updates and participant recording. */
  resources: string[];
  detail: Record<string, string>;
};

// ListParticipantEvents names → the Stage Update event_name. Published, Unpublished and Publish Error are spelled
// as AWS's event table spells them; the replication names are the English form of the table's rows, which AWS's
// English page did not show us (unconfirmed).
const STAGE_UPDATE_NAMES: Record<string, string> = {
  PUBLISH_STARTED: 'Participant Published',
  PUBLISH_STOPPED: 'Participant Unpublished',
  PUBLISH_ERROR: 'Participant Publish Error',
  REPLICATION_STARTED: 'Participant Replication Started',
  REPLICATION_STOPPED: 'Participant Replication Stopped',
};

/** Whole seconds, as EventBridge's `time` and the captured `event_time` are written. */
export function wholeSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const stageIdOf = (stageArn: string) => stageArn.slice(stageArn.lastIndexOf('/') + 1);

/** The event IVS would send for this change, or undefined when IVS sends none for it. */
export function eventBridgeEventFor(change: StoreEvent, newId: () => string = randomUUID): EventBridgeEvent | undefined {
  const p = change.participant;
  const envelope = (detailType: EventBridgeEvent['detail-type'], at: number, detail: Record<string, string>): EventBridgeEvent => ({
    version: '0',
    id: newId(),
    'detail-type': detailType,
    source: 'aws.ivs',
    account: change.accountId,
    time: wholeSeconds(at),
    region: change.region,
    resources: [change.stageArn],
    detail,
  });

  if (change.kind === 'recording') {
    // AWS is silent on the bucket when the emulator has no storage configurations to read it from; we name a
    // stand-in after the configuration's id. The key prefix follows AWS's documented layout
    // <stage_id>/<session_id>/<participant_id>/<start time>, with the time of the publish that started the recording.
    const startedAt = [...p.events].reverse().find((e) => e.name === 'PUBLISH_STARTED')?.eventTime ?? change.at;
    return envelope('IVS Participant Recording State Change', change.at, {
      session_id: change.sessionId,
      event_name: change.state === 'ACTIVE' ? 'Recording Start' : 'Recording End',
      participant_id: p.participantId,
      recording_s3_bucket_name: 'greenroom-emulator-recordings',
      recording_s3_key_prefix: `${stageIdOf(change.stageArn)}/${change.sessionId}/${p.participantId}/${wholeSeconds(startedAt).replace(/:/g, '-')}`,
    });
  }

  const r = change.record;
  const eventName = STAGE_UPDATE_NAMES[r.name];
  if (!eventName) return undefined;
  // session_id, event_name, participant_id and user_id are confirmed by AWS's samples; event_time was seen in a
  // captured event (secondary source). The fields below them are unconfirmed: AWS's English examples for publish
  // errors and replication were not available, so their names mirror the ListParticipantEvents members in snake_case.
  const detail: Record<string, string> = {
    session_id: change.sessionId,
    event_name: eventName,
    event_time: wholeSeconds(r.eventTime),
    user_id: p.userId,
    participant_id: p.participantId,
  };
  if (r.errorCode) detail.error_code = r.errorCode; // unconfirmed field name
  if (r.destinationStageArn) detail.destination_stage_arn = r.destinationStageArn; // unconfirmed field name
  if (r.destinationSessionId) detail.destination_session_id = r.destinationSessionId; // unconfirmed field name
  if (p.replicationType === 'REPLICA' && p.sourceStageArn) {
    // AWS is silent on whether the replica's side of a replication sends its own event; the emulator sends one to
    // the destination stage too, naming the source (unconfirmed field names), so a view of either stage hears it.
    detail.source_stage_arn = p.sourceStageArn;
    if (p.sourceSessionId) detail.source_session_id = p.sourceSessionId;
  }
  return envelope('IVS Stage Update', r.eventTime, detail);
}
