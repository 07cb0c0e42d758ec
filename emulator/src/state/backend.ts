// One RegionBackend per (account, region): stages, their sessions, participants and events, replications and
// tags. Operation files and the control API change state only through it and the functions in presence.ts and
// replication.ts.
import { stageArn } from './arn.ts';
import type { Capability, RecordingConfig, ReplicationRecord, SessionRecord, StageRecord } from './records.ts';
import { expireReplications, stopReplication } from './replication.ts';
import { StageStore } from './store.ts';

export type MintedToken = {
  participantId: string;
  token: string;
  userId: string;
  attributes: Record<string, string>;
  capabilities: Capability[];
  duration: number;
  expirationTime: number;
};

export type BackendSnapshot = {
  stages: StageRecord[];
  sessions: Omit<SessionRecord, 'index' | 'connectedCount'>[];
  tags: [string, Record<string, string>][];
  replications: ReplicationRecord[];
};

/** Default participant token lifetime in minutes (12 hours), as the model documents. */
export const DEFAULT_TOKEN_MINUTES = 720;

/** The recording settings with every default filled in (what GetStage echoes). */
export function recordingConfig(input: Partial<RecordingConfig> | undefined): RecordingConfig {
  const thumb = input?.thumbnailConfiguration;
  return {
    storageConfigurationArn: input?.storageConfigurationArn ?? '',
    mediaTypes: input?.mediaTypes ?? ['AUDIO_VIDEO'],
    thumbnailConfiguration: {
      targetIntervalSeconds: thumb?.targetIntervalSeconds ?? 60,
      storage: thumb?.storage ?? ['SEQUENTIAL'],
      recordingMode: thumb?.recordingMode ?? 'DISABLED',
    },
    recordingReconnectWindowSeconds: input?.recordingReconnectWindowSeconds ?? 0,
    hlsConfiguration: { targetSegmentDurationSeconds: input?.hlsConfiguration?.targetSegmentDurationSeconds ?? 6 },
    // The Smithy model defaults this to false while the service's documentation and CLI outputs say true; we
    // follow what the service is seen to do (true unless set) and always send it explicitly.
    recordParticipantReplicas: input?.recordParticipantReplicas ?? true,
  };
}

export class RegionBackend extends StageStore {
  /** Records a change (persistence listens to it). Call once per mutating operation. */
  changed(): void {
    this.env.changed();
  }

  createStage(opts: { name?: string; recording?: Partial<RecordingConfig>; tags?: Record<string, string> }): StageRecord {
    const id = this.env.ids.stageId();
    const stage: StageRecord = {
      id,
      arn: stageArn(this.region, this.accountId, id),
      name: opts.name ?? '',
      createdAt: this.now(),
      recording: recordingConfig(opts.recording),
      endpointHost: this.env.ids.endpointHost(),
      sessionIds: [],
    };
    this.stages.set(stage.arn, stage);
    if (opts.tags && Object.keys(opts.tags).length > 0) this.tags.set(stage.arn, { ...opts.tags });
    return stage;
  }

  /** Everyone leaves, replications into and out of the stage stop, and the stage with its history is gone. */
  deleteStage(stage: StageRecord): void {
    const at = this.now();
    // AWS is silent on replications when a stage is deleted; we stop those from and to it, with events on
    // both sides, because neither end can exist without the stage.
    for (const r of this.replications) {
      if (r.state === 'ACTIVE' && (r.sourceStageArn === stage.arn || r.destinationStageArn === stage.arn)) stopReplication(this, r, at);
    }
    if (stage.activeSessionId) this.endSession(stage, at);
    for (const id of stage.sessionIds) this.sessions.delete(id);
    this.subscribers.delete(stage.activeSessionId ?? '');
    // Replications out of a deleted stage cannot be listed any more (the stage is unknown); those into it
    // stay listed, STOPPED, for the lifetime of their source session.
    this.replications = this.replications.filter((r) => r.sourceStageArn !== stage.arn);
    this.idleStages.delete(stage.arn);
    this.tags.delete(stage.arn);
    this.stages.delete(stage.arn);
  }

  /** Signs a participant token for the stage (the participant exists once its client joins). */
  async mintToken(stage: StageRecord, opts: { duration?: number; userId?: string; attributes?: Record<string, string>; capabilities?: Capability[] }): Promise<MintedToken> {
    const now = this.now();
    const duration = opts.duration ?? DEFAULT_TOKEN_MINUTES;
    const claims = {
      participantId: this.env.ids.participantId(),
      stageArn: stage.arn,
      stageId: stage.id,
      userId: opts.userId ?? '',
      attributes: { ...(opts.attributes ?? {}) },
      capabilities: opts.capabilities ?? (['PUBLISH', 'SUBSCRIBE'] as Capability[]),
      issuedAt: now,
      expiresAt: now + duration * 60_000,
    };
    const token = await this.env.signer.sign(claims, stage.endpointHost);
    return { participantId: claims.participantId, token, userId: claims.userId, attributes: claims.attributes, capabilities: claims.capabilities, duration, expirationTime: claims.expiresAt };
  }

  /** Runs due timers: reconnect windows that ran out, then sessions idle long enough to end. True if anything changed. */
  tick(now = this.now()): boolean {
    const stopped = expireReplications(this, now);
    const ended = this.endIdleSessions(now);
    return stopped + ended > 0;
  }

  snapshot(): BackendSnapshot {
    return {
      stages: [...this.stages.values()],
      sessions: [...this.sessions.values()].map(({ index: _index, connectedCount: _count, ...rest }) => rest),
      tags: [...this.tags.entries()],
      replications: this.replications,
    };
  }

  restore(s: BackendSnapshot): void {
    this.stages.clear();
    this.sessions.clear();
    this.tags.clear();
    for (const stage of s.stages) this.stages.set(stage.arn, structuredClone(stage));
    for (const session of s.sessions) this.sessions.set(session.id, { ...structuredClone(session), index: new Map(), connectedCount: 0 });
    for (const [arn, tags] of s.tags) this.tags.set(arn, { ...tags });
    this.replications = structuredClone(s.replications);
    this.reindex();
  }
}
