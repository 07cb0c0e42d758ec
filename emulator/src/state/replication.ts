// Participant replication: a publisher in one stage appears as a replica in another stage of the same account
// and region, following its source's publish state. Preconditions (publishing, distinct stages, no duplicate)
// are checked by the operation; these functions carry out the change.
import type { ParticipantRecord, ReplicationRecord, SessionRecord } from './records.ts';
import type { StageStore } from './store.ts';

export function replicationsFrom(store: StageStore, sessionId: string, participantId: string): ReplicationRecord[] {
  return store.replications.filter((r) => r.state === 'ACTIVE' && r.sourceSessionId === sessionId && r.participantId === participantId);
}

function replicaOf(store: StageStore, r: ReplicationRecord): { session: SessionRecord; replica: ParticipantRecord } | undefined {
  const session = store.session(r.destinationStageArn, r.destinationSessionId);
  const replica = session?.index.get(r.participantId);
  return session && replica ? { session, replica } : undefined;
}

function updateSourceState(store: StageStore, r: ReplicationRecord): void {
  const source = store.sessions.get(r.sourceSessionId)?.index.get(r.participantId);
  if (!source) return;
  source.replicationType = 'SOURCE';
  // AWS is silent on the source's replicationState; we show ACTIVE while any of its replications is active and
  // STOPPED after the last one ends, because that is what a console reading the source needs to know.
  source.replicationState = replicationsFrom(store, r.sourceSessionId, r.participantId).length > 0 ? 'ACTIVE' : 'STOPPED';
}

export type StartReplication = {
  source: ParticipantRecord;
  sourceSession: SessionRecord;
  destinationStageArn: string;
  reconnectWindowMs: number;
  attributes: Record<string, string>;
  at: number;
};

/** Starts a replication; the replica joins the destination's live session (starting one if the stage is empty). */
export function startReplication(store: StageStore, req: StartReplication): ReplicationRecord {
  const { source, sourceSession, at } = req;
  const destStage = store.stage(req.destinationStageArn);
  if (!destStage) throw new Error(`No stage ${req.destinationStageArn}.`);
  const destSession = store.ensureSession(destStage, at);
  const r: ReplicationRecord = {
    sourceStageArn: sourceSession.stageArn,
    sourceSessionId: sourceSession.id,
    participantId: source.participantId,
    destinationStageArn: destStage.arn,
    destinationSessionId: destSession.id,
    state: 'ACTIVE',
    reconnectWindowMs: req.reconnectWindowMs,
    attributes: { ...req.attributes },
    startedAt: at,
  };
  store.replications.push(r);
  updateSourceState(store, r);
  store.emit(source, 'REPLICATION_STARTED', at, { destinationStageArn: r.destinationStageArn, destinationSessionId: r.destinationSessionId });

  // AWS is silent on the replica's id; we keep the source's participantId, which the replica list and the
  // REPLICATION_* events can then relate without another lookup.
  let replica = destSession.index.get(source.participantId);
  if (!replica) {
    replica = {
      participantId: source.participantId,
      userId: source.userId,
      attributes: {},
      capabilities: ['PUBLISH'],
      state: 'DISCONNECTED',
      firstJoinTime: at,
      published: false,
      publishing: false,
      // AWS is silent on a replica's client fields; we copy the source's, since the replica carries its media.
      client: { ...source.client },
      recordingState: destStage.recording.storageConfigurationArn && destStage.recording.recordParticipantReplicas ? 'STOPPED' : 'DISABLED',
      replicationType: 'REPLICA',
      subscriptions: [],
      events: [],
    };
    store.addParticipant(destSession, replica);
  }
  replica.attributes = { ...source.attributes, ...req.attributes };
  replica.replicationType = 'REPLICA';
  replica.replicationState = 'ACTIVE';
  replica.sourceStageArn = r.sourceStageArn;
  replica.sourceSessionId = r.sourceSessionId;
  store.markJoined(destSession, replica, at);
  store.emit(replica, 'REPLICATION_STARTED', at, { destinationStageArn: r.destinationStageArn, destinationSessionId: r.destinationSessionId });
  store.setPublishing(destSession, replica, source.publishing, at);
  return r;
}

/** Ends a replication: REPLICATION_STOPPED on both sides, and the replica leaves the destination. */
export function stopReplication(store: StageStore, r: ReplicationRecord, at: number): void {
  if (r.state !== 'ACTIVE') return;
  r.state = 'STOPPED';
  r.graceUntil = undefined;
  r.graceReason = undefined;
  const where = { destinationStageArn: r.destinationStageArn, destinationSessionId: r.destinationSessionId };
  const source = store.sessions.get(r.sourceSessionId)?.index.get(r.participantId);
  if (source) store.emit(source, 'REPLICATION_STOPPED', at, where);
  updateSourceState(store, r);
  const dest = replicaOf(store, r);
  if (dest) {
    store.setPublishing(dest.session, dest.replica, false, at);
    dest.replica.replicationState = 'STOPPED';
    store.emit(dest.replica, 'REPLICATION_STOPPED', at, where);
    store.markLeft(dest.session, dest.replica, at);
  }
  store.settle(r.destinationStageArn, at);
  store.settle(r.sourceStageArn, at);
}

/**
 * The source stopped publishing or left. With a reconnect window the replication waits for it (the replica
 * stops sending, and leaves if the source left); without one, it stops now.
 */
export function sourceAway(store: StageStore, session: SessionRecord, source: ParticipantRecord, reason: 'left' | 'unpublished', at: number): void {
  for (const r of replicationsFrom(store, session.id, source.participantId)) {
    if (r.reconnectWindowMs === 0) {
      stopReplication(store, r, at);
      continue;
    }
    // A source that stopped publishing and then leaves keeps its first deadline: the window is not restarted.
    if (r.graceUntil === undefined) r.graceUntil = at + r.reconnectWindowMs;
    if (reason === 'left' || r.graceReason === undefined) r.graceReason = reason;
    const dest = replicaOf(store, r);
    if (!dest) continue;
    store.setPublishing(dest.session, dest.replica, false, at);
    if (reason === 'left') store.markLeft(dest.session, dest.replica, at);
    store.settle(r.destinationStageArn, at);
  }
}

/** The source re-joined or published again within the window: the replica comes back and follows it again. */
export function sourceBack(store: StageStore, session: SessionRecord, source: ParticipantRecord, at: number): void {
  for (const r of replicationsFrom(store, session.id, source.participantId)) {
    // AWS is silent on whether re-joining is enough or the source must publish again; we count a re-join as
    // coming back after a drop (the client SDK republishes on its own after reconnecting), and a publish as
    // coming back after an unpublish.
    if (r.graceReason === 'left' || source.publishing) {
      r.graceUntil = undefined;
      r.graceReason = undefined;
    }
    const dest = replicaOf(store, r);
    if (!dest) continue;
    if (dest.replica.state !== 'CONNECTED') {
      store.markJoined(dest.session, dest.replica, at);
    }
    store.setPublishing(dest.session, dest.replica, source.publishing, at);
  }
}

/** Stops the replications whose reconnect window has run out (at the moment it ran out). */
export function expireReplications(store: StageStore, now: number): number {
  let stopped = 0;
  for (const r of store.replications) {
    if (r.state === 'ACTIVE' && r.graceUntil !== undefined && r.graceUntil <= now) {
      stopReplication(store, r, r.graceUntil);
      stopped += 1;
    }
  }
  return stopped;
}
