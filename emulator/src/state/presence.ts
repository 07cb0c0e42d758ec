// What a participant's client does on a stage: join, publish, stop, leave; and a DisconnectParticipant from
// the API. Each step records its events and lets replications follow their source.
import type { ClientInfo, ParticipantRecord, SessionRecord, StageRecord } from './records.ts';
import { replicationsFrom, sourceAway, sourceBack, stopReplication } from './replication.ts';
import type { StageStore } from './store.ts';
import type { TokenClaims } from './tokens.ts';

function recordingStateFor(stage: StageRecord): ParticipantRecord['recordingState'] {
  return stage.recording.storageConfigurationArn ? 'STOPPED' : 'DISABLED';
}

/** Joins the stage with a verified token; starts a session if the stage is empty. A re-join reuses the record. */
export function joinStage(store: StageStore, stage: StageRecord, claims: TokenClaims, client: ClientInfo, at: number): { session: SessionRecord; participant: ParticipantRecord } {
  const session = store.ensureSession(stage, at);
  let p = session.index.get(claims.participantId);
  if (p && p.state === 'CONNECTED') {
    // AWS is silent on a second join with a token that is connected already; we treat it as the same client
    // reconnecting (no new events), since a token is for one participant.
    Object.assign(p.client, client);
    return { session, participant: p };
  }
  if (!p) {
    p = {
      participantId: claims.participantId,
      userId: claims.userId,
      attributes: { ...claims.attributes },
      capabilities: [...claims.capabilities],
      state: 'DISCONNECTED',
      firstJoinTime: at,
      published: false,
      publishing: false,
      client: {},
      recordingState: recordingStateFor(stage),
      replicationType: 'NONE',
      subscriptions: [],
      events: [],
    };
    store.addParticipant(session, p);
  }
  Object.assign(p.client, client);
  store.markJoined(session, p, at);
  sourceBack(store, session, p, at);
  store.settle(stage.arn, at);
  return { session, participant: p };
}

export function publish(store: StageStore, session: SessionRecord, p: ParticipantRecord, at: number): void {
  store.setPublishing(session, p, true, at);
  sourceBack(store, session, p, at);
}

export function unpublish(store: StageStore, session: SessionRecord, p: ParticipantRecord, at: number): void {
  if (!p.publishing) return;
  store.setPublishing(session, p, false, at);
  sourceAway(store, session, p, 'unpublished', at);
}

/** The client left (or dropped): its replications wait out their reconnect window. */
export function leaveStage(store: StageStore, session: SessionRecord, p: ParticipantRecord, at: number): void {
  if (p.state !== 'CONNECTED') return;
  store.markLeft(session, p, at);
  sourceAway(store, session, p, 'left', at);
  store.settle(session.stageArn, at);
}

/**
 * DisconnectParticipant: the participant is removed now. Its replications stop at once, with no reconnect
 * window; a replica that is disconnected ends its replication.
 */
export function disconnect(store: StageStore, session: SessionRecord, p: ParticipantRecord, at: number): void {
  // AWS is silent on replications when their source is disconnected by the API; we stop them at once, because
  // an operator removing a participant means it should not keep appearing elsewhere.
  for (const r of replicationsFrom(store, session.id, p.participantId)) stopReplication(store, r, at);
  if (p.replicationType === 'REPLICA' && p.sourceSessionId) {
    // AWS is silent on disconnecting a replica; we end its replication, the only way it could leave.
    const r = store.replications.find((x) => x.state === 'ACTIVE' && x.destinationSessionId === session.id && x.participantId === p.participantId);
    if (r) stopReplication(store, r, at);
  }
  store.markLeft(session, p, at);
  store.settle(session.stageArn, at);
}
