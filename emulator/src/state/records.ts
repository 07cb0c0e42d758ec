// The records a RegionBackend keeps. Plain data (no classes), so a snapshot is close to JSON.stringify of them;
// only the Map indexes are rebuilt on restore.

export type Capability = 'PUBLISH' | 'SUBSCRIBE';
export type ParticipantState = 'CONNECTED' | 'DISCONNECTED';
export type ReplicationType = 'SOURCE' | 'REPLICA' | 'NONE';
export type ReplicationState = 'ACTIVE' | 'STOPPED';
export type RecordingState = 'STARTING' | 'ACTIVE' | 'STOPPING' | 'STOPPED' | 'FAILED' | 'DISABLED';
export type Protocol = 'UNKNOWN' | 'WHIP' | 'RTMP' | 'RTMPS';

/** What a participant's client reports about itself (all optional, ≤128 characters each). */
export type ClientInfo = {
  osName?: string;
  osVersion?: string;
  browserName?: string;
  browserVersion?: string;
  sdkVersion?: string;
  ispName?: string;
  protocol?: Protocol;
};

/** The stage's automatic recording settings, always stored with every default filled in. */
export type RecordingConfig = {
  storageConfigurationArn: string;
  mediaTypes: string[];
  thumbnailConfiguration: { targetIntervalSeconds: number; storage: string[]; recordingMode: string };
  recordingReconnectWindowSeconds: number;
  hlsConfiguration: { targetSegmentDurationSeconds: number };
  recordParticipantReplicas: boolean;
};

export type StageRecord = {
  id: string;
  arn: string;
  name: string;
  createdAt: number;
  recording: RecordingConfig;
  /** Host part of the stage's WHIP/RTMP endpoints (12 lower-case alphanumerics). */
  endpointHost: string;
  /** Session ids, oldest first. */
  sessionIds: string[];
  activeSessionId?: string;
  /** When the live session last became empty (no connected participant, nothing pending); unset while held. */
  emptySince?: number;
};

export type EventRecord = {
  name: string;
  participantId: string;
  eventTime: number;
  remoteParticipantId?: string;
  errorCode?: string;
  destinationStageArn?: string;
  destinationSessionId?: string;
  replica: boolean;
};

export type ParticipantRecord = {
  participantId: string;
  userId: string;
  attributes: Record<string, string>;
  capabilities: Capability[];
  state: ParticipantState;
  firstJoinTime: number;
  /** Ever published in this session (the API's `published`). */
  published: boolean;
  /** Sending media right now. */
  publishing: boolean;
  client: ClientInfo;
  recordingState: RecordingState;
  replicationType: ReplicationType;
  replicationState?: ReplicationState;
  sourceStageArn?: string;
  sourceSessionId?: string;
  /** Publishers this participant receives (participant ids in the same session). */
  subscriptions: string[];
  /** Oldest first; the API lists them newest first. */
  events: EventRecord[];
  /** Spells of a poor network, oldest first (the emulator's CloudWatch metrics follow them; see metrics/quality.ts). */
  network?: NetworkSpell[];
};

/** From `from` until `to` (open while the spell lasts), the participant's link works at 1 - severity. */
export type NetworkSpell = { from: number; to?: number; severity: number };

export type SessionRecord = {
  id: string;
  stageArn: string;
  startTime: number;
  endTime?: number;
  /** In order of first join; `index` maps participantId → record. */
  participants: ParticipantRecord[];
  index: Map<string, ParticipantRecord>;
  connectedCount: number;
};

export type ReplicationRecord = {
  sourceStageArn: string;
  sourceSessionId: string;
  participantId: string;
  destinationStageArn: string;
  destinationSessionId: string;
  state: ReplicationState;
  reconnectWindowMs: number;
  /** Request attributes, merged over the token's on the replica. */
  attributes: Record<string, string>;
  startedAt: number;
  /** Set while the source is away (left or stopped publishing): the replication stops at this time unless it comes back. */
  graceUntil?: number;
  /** Why the grace started: a source that left comes back by re-joining; one that stopped publishing, by publishing. */
  graceReason?: 'left' | 'unpublished';
};
