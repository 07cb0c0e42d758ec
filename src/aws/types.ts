// The app's own shapes for IVS data. Only these plain-JSON values go into the query cache:
// no $metadata, no Date objects (times are ISO strings), optional members left out when IVS omits them.
import type { Region } from '../config/schema';

export type { Region };

export type Page<T> = { items: T[]; nextToken?: string };

export type StageEndpoints = { events?: string; whip?: string; rtmp?: string; rtmps?: string };

export type StageRecording = {
  storageConfigurationArn: string;
  mediaTypes: string[];
  recordingReconnectWindowSeconds?: number;
  recordParticipantReplicas?: boolean;
};

export type StageSummary = {
  arn: string;
  name: string;
  /** Present only while a session is live. */
  activeSessionId?: string;
  tags: Record<string, string>;
};

export type Stage = StageSummary & { endpoints: StageEndpoints; recording?: StageRecording };

export type StageSession = { sessionId: string; startTime?: string; endTime?: string };

export type ParticipantState = 'CONNECTED' | 'DISCONNECTED';
export type RecordingState = 'STARTING' | 'ACTIVE' | 'STOPPING' | 'STOPPED' | 'FAILED' | 'DISABLED';
export type ReplicationType = 'SOURCE' | 'REPLICA' | 'NONE';
export type ReplicationState = 'ACTIVE' | 'STOPPED';

export type ParticipantSummary = {
  participantId: string;
  userId?: string;
  state?: ParticipantState;
  firstJoinTime?: string;
  published: boolean;
  recordingState?: RecordingState;
  replicationType: ReplicationType;
  replicationState?: ReplicationState;
  sourceStageArn?: string;
  sourceSessionId?: string;
};

export type Participant = ParticipantSummary & {
  attributes: Record<string, string>;
  ispName?: string;
  osName?: string;
  osVersion?: string;
  browserName?: string;
  browserVersion?: string;
  sdkVersion?: string;
  recordingS3BucketName?: string;
  recordingS3Prefix?: string;
  protocol?: 'UNKNOWN' | 'WHIP' | 'RTMP' | 'RTMPS';
};

export type ParticipantKey = { stageArn: string; sessionId: string; participantId: string };

/** ListParticipants takes at most one filter per request. */
export type ParticipantFilter =
  | { kind: 'none' }
  | { kind: 'state'; value: ParticipantState }
  | { kind: 'published' }
  | { kind: 'userId'; value: string }
  | { kind: 'recordingState'; value: Exclude<RecordingState, 'DISABLED'> };

export type ExchangedToken = {
  capabilities: string[];
  attributes: Record<string, string>;
  userId?: string;
  expirationTime?: string;
};

export type ParticipantEvent = {
  name: string;
  participantId?: string;
  eventTime?: string;
  remoteParticipantId?: string;
  errorCode?: string;
  destinationStageArn?: string;
  destinationSessionId?: string;
  replica: boolean;
  previousToken?: ExchangedToken;
  newToken?: ExchangedToken;
};

export type ParticipantReplica = {
  sourceStageArn: string;
  participantId: string;
  sourceSessionId: string;
  destinationStageArn: string;
  destinationSessionId: string;
  replicationState: ReplicationState;
};

export type TokenCapability = 'PUBLISH' | 'SUBSCRIBE';

export type ParticipantToken = {
  participantId: string;
  /** Secret: shown once, never cached or logged. */
  token: string;
  userId?: string;
  attributes: Record<string, string>;
  duration?: number;
  capabilities: string[];
  expirationTime?: string;
};

export type ReplicationKey = { sourceStageArn: string; destinationStageArn: string; participantId: string };
