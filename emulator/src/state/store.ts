// The data of one (account, region) and the primitives every higher-level change is made of: sessions that
// start and end, participants that join, leave and publish, and the events each step records.
import type { Clock } from './clock.ts';
import type { IdSource } from './ids.ts';
import type { EventRecord, ParticipantRecord, ReplicationRecord, SessionRecord, StageRecord } from './records.ts';
import type { TokenSigner } from './tokens.ts';

export type StoreEnv = {
  accountId: string;
  region: string;
  clock: Clock;
  ids: IdSource;
  signer: TokenSigner;
  sessionIdleMs: number;
  /** Most stages per region; undefined = no limit. */
  stageQuota?: number;
  changed: () => void;
  /** Hears every participant event and recording change as it is recorded (the EventBridge stream is built from it). */
  onEvent?: (e: StoreEvent) => void;
};

/** One change as it happens, with the stage and session it belongs to. */
export type StoreEvent = {
  accountId: string;
  region: string;
  stageArn: string;
  sessionId: string;
  participant: ParticipantRecord;
} & ({ kind: 'participant'; record: EventRecord } | { kind: 'recording'; state: 'ACTIVE' | 'STOPPED'; at: number });

/** Publishers per stage; the service does not let it be raised. Replicas count (see StartParticipantReplication). */
export const MAX_PUBLISHERS_PER_STAGE = 12;

export type EventExtra = Partial<Pick<EventRecord, 'remoteParticipantId' | 'errorCode' | 'destinationStageArn' | 'destinationSessionId' | 'replica'>>;

export class StageStore {
  /** By ARN; a Map keeps insertion order, which is creation order. */
  readonly stages = new Map<string, StageRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  /** Tags by resource ARN. */
  readonly tags = new Map<string, Record<string, string>>();
  /** In order of start. */
  replications: ReplicationRecord[] = [];
  /** Stages whose live session is empty and will end once the idle time has passed. */
  protected readonly idleStages = new Set<string>();
  /** Per session: publisher id → ids of the participants subscribed to it (rebuilt on restore). */
  protected readonly subscribers = new Map<string, Map<string, Set<string>>>();
  /** The session each participant record belongs to, so an event can name its stage (rebuilt on restore). */
  private readonly sessionOf = new WeakMap<ParticipantRecord, SessionRecord>();

  readonly env: StoreEnv;

  constructor(env: StoreEnv) {
    this.env = env;
  }

  get accountId(): string {
    return this.env.accountId;
  }

  get region(): string {
    return this.env.region;
  }

  get stageQuota(): number | undefined {
    return this.env.stageQuota;
  }

  now(): number {
    return this.env.clock.now();
  }

  stage(arn: string): StageRecord | undefined {
    return this.stages.get(arn);
  }

  /** A session of the given stage (undefined when the id belongs to another stage). */
  session(stageArn: string, sessionId: string): SessionRecord | undefined {
    const s = this.sessions.get(sessionId);
    return s && s.stageArn === stageArn ? s : undefined;
  }

  activeSession(stage: StageRecord): SessionRecord | undefined {
    return stage.activeSessionId ? this.sessions.get(stage.activeSessionId) : undefined;
  }

  /** The stage's live session, starting one when the stage has none. */
  ensureSession(stage: StageRecord, at: number): SessionRecord {
    const live = this.activeSession(stage);
    if (live) return live;
    const s: SessionRecord = { id: this.env.ids.sessionId(), stageArn: stage.arn, startTime: at, participants: [], index: new Map(), connectedCount: 0 };
    this.sessions.set(s.id, s);
    stage.sessionIds.push(s.id);
    stage.activeSessionId = s.id;
    stage.emptySince = undefined;
    return s;
  }

  addParticipant(session: SessionRecord, p: ParticipantRecord): void {
    session.participants.push(p);
    session.index.set(p.participantId, p);
    this.sessionOf.set(p, session);
  }

  emit(p: ParticipantRecord, name: string, at: number, extra: EventExtra = {}): void {
    const record: EventRecord = { name, participantId: p.participantId, eventTime: at, replica: p.replicationType === 'REPLICA', ...extra };
    p.events.push(record);
    this.tell(p, { kind: 'participant', record });
  }

  private tell(p: ParticipantRecord, change: { kind: 'participant'; record: EventRecord } | { kind: 'recording'; state: 'ACTIVE' | 'STOPPED'; at: number }): void {
    const session = this.sessionOf.get(p);
    if (!session || !this.env.onEvent) return;
    this.env.onEvent({ accountId: this.accountId, region: this.region, stageArn: session.stageArn, sessionId: session.id, participant: p, ...change });
  }

  markJoined(session: SessionRecord, p: ParticipantRecord, at: number): void {
    if (p.state !== 'CONNECTED') session.connectedCount += 1;
    p.state = 'CONNECTED';
    this.emit(p, 'JOINED', at);
    const stage = this.stages.get(session.stageArn);
    if (stage) {
      stage.emptySince = undefined;
      this.idleStages.delete(stage.arn);
    }
  }

  /** Leaves the stage: stops sending and receiving media first, then LEFT. The caller settles the stage. */
  markLeft(session: SessionRecord, p: ParticipantRecord, at: number): void {
    if (p.state !== 'CONNECTED') return;
    this.setPublishing(session, p, false, at);
    for (const remote of [...p.subscriptions]) this.unsubscribe(session, p, remote, at);
    p.state = 'DISCONNECTED';
    session.connectedCount -= 1;
    this.emit(p, 'LEFT', at);
  }

  private subscribersOf(session: SessionRecord, publisherId: string): Set<string> {
    let bySession = this.subscribers.get(session.id);
    if (!bySession) this.subscribers.set(session.id, (bySession = new Map()));
    let set = bySession.get(publisherId);
    if (!set) bySession.set(publisherId, (set = new Set()));
    return set;
  }

  subscribe(session: SessionRecord, p: ParticipantRecord, remote: ParticipantRecord, at: number): void {
    if (p.subscriptions.includes(remote.participantId)) return;
    p.subscriptions.push(remote.participantId);
    this.subscribersOf(session, remote.participantId).add(p.participantId);
    this.emit(p, 'SUBSCRIBE_STARTED', at, { remoteParticipantId: remote.participantId, replica: remote.replicationType === 'REPLICA' });
  }

  unsubscribe(session: SessionRecord, p: ParticipantRecord, remoteId: string, at: number): void {
    const i = p.subscriptions.indexOf(remoteId);
    if (i < 0) return;
    p.subscriptions.splice(i, 1);
    this.subscribersOf(session, remoteId).delete(p.participantId);
    const remote = session.index.get(remoteId);
    this.emit(p, 'SUBSCRIBE_STOPPED', at, { remoteParticipantId: remoteId, replica: remote?.replicationType === 'REPLICA' });
  }

  /** Starts or stops sending media; subscribers of a publisher that stops lose it (SUBSCRIBE_STOPPED). */
  setPublishing(session: SessionRecord, p: ParticipantRecord, on: boolean, at: number): void {
    if (p.publishing === on) return;
    p.publishing = on;
    if (on) p.published = true;
    this.emit(p, on ? 'PUBLISH_STARTED' : 'PUBLISH_STOPPED', at);
    if (p.recordingState !== 'DISABLED') {
      p.recordingState = on ? 'ACTIVE' : 'STOPPED';
      this.tell(p, { kind: 'recording', state: p.recordingState, at });
    }
    if (!on) {
      for (const subscriberId of [...this.subscribersOf(session, p.participantId)]) {
        const subscriber = session.index.get(subscriberId);
        if (subscriber) this.unsubscribe(session, subscriber, p.participantId, at);
      }
    }
  }

  /** Participants sending media in the session (replicas included). */
  publisherCount(session: SessionRecord): number {
    let n = 0;
    for (const p of session.participants) if (p.publishing) n += 1;
    return n;
  }

  /** A session is held open while someone is connected or a replication through it may still come back. */
  private held(session: SessionRecord): boolean {
    if (session.connectedCount > 0) return true;
    return this.replications.some(
      (r) => r.state === 'ACTIVE' && r.graceUntil !== undefined && (r.sourceSessionId === session.id || r.destinationSessionId === session.id),
    );
  }

  /** Starts the idle countdown of a stage whose live session has become empty (or cancels it). */
  settle(stageArn: string, at: number): void {
    const stage = this.stages.get(stageArn);
    const session = stage && this.activeSession(stage);
    if (!stage || !session) return;
    if (this.held(session)) {
      stage.emptySince = undefined;
      this.idleStages.delete(stage.arn);
    } else if (stage.emptySince === undefined) {
      stage.emptySince = at;
      this.idleStages.add(stage.arn);
    }
  }

  endSession(stage: StageRecord, at: number): void {
    const session = this.activeSession(stage);
    if (session) {
      for (const p of session.participants) this.markLeft(session, p, at);
      session.endTime = at;
      this.subscribers.delete(session.id);
      // STOPPED replications are listed for the lifetime of their source session only (see list-participant-replicas.ts).
      this.replications = this.replications.filter((r) => r.state === 'ACTIVE' || r.sourceSessionId !== session.id);
    }
    stage.activeSessionId = undefined;
    stage.emptySince = undefined;
    this.idleStages.delete(stage.arn);
  }

  /** Ends the sessions that have stayed empty for the idle time. */
  endIdleSessions(now: number): number {
    let ended = 0;
    for (const arn of [...this.idleStages]) {
      const stage = this.stages.get(arn);
      if (!stage || stage.emptySince === undefined) {
        this.idleStages.delete(arn);
        continue;
      }
      const due = stage.emptySince + this.env.sessionIdleMs;
      if (now >= due) {
        this.endSession(stage, due);
        ended += 1;
      }
    }
    return ended;
  }

  /** Rebuilds the indexes that are not part of a snapshot. */
  protected reindex(): void {
    this.subscribers.clear();
    this.idleStages.clear();
    for (const session of this.sessions.values()) {
      session.index = new Map(session.participants.map((p) => [p.participantId, p]));
      for (const p of session.participants) this.sessionOf.set(p, session);
      session.connectedCount = session.participants.filter((p) => p.state === 'CONNECTED').length;
      for (const p of session.participants) for (const remote of p.subscriptions) this.subscribersOf(session, remote).add(p.participantId);
    }
    for (const stage of this.stages.values()) if (stage.emptySince !== undefined) this.idleStages.add(stage.arn);
  }
}
