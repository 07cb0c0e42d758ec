// Records → API output shapes: plain JSON, timestamps as ISO strings, absent members omitted.
import type { EventRecord, ParticipantRecord, ReplicationRecord, SessionRecord, StageRecord } from '../state/records.ts';

export const iso = (ms: number): string => new Date(ms).toISOString();

function stageTags(tags: Record<string, string> | undefined): Record<string, string> {
  return { ...(tags ?? {}) };
}

export function stageSummaryOutput(stage: StageRecord, tags: Record<string, string> | undefined): Record<string, unknown> {
  return {
    arn: stage.arn,
    name: stage.name,
    ...(stage.activeSessionId ? { activeSessionId: stage.activeSessionId } : {}),
    tags: stageTags(tags),
  };
}

export function stageOutput(stage: StageRecord, tags: Record<string, string> | undefined): Record<string, unknown> {
  return {
    ...stageSummaryOutput(stage, tags),
    autoParticipantRecordingConfiguration: structuredClone(stage.recording),
    endpoints: {
      events: 'wss://global.events.live-video.net',
      whip: `https://${stage.endpointHost}.global-bm.whip.live-video.net`,
      rtmp: `rtmp://${stage.endpointHost}.global-contribute.live-video.net/app/`,
      rtmps: `rtmps://${stage.endpointHost}.global-contribute.live-video.net:443/app/`,
    },
  };
}

export function sessionOutput(s: SessionRecord): Record<string, unknown> {
  return { sessionId: s.id, startTime: iso(s.startTime), ...(s.endTime !== undefined ? { endTime: iso(s.endTime) } : {}) };
}

function replicationFields(p: ParticipantRecord): Record<string, unknown> {
  return {
    replicationType: p.replicationType,
    ...(p.replicationState ? { replicationState: p.replicationState } : {}),
    ...(p.replicationType === 'REPLICA' && p.sourceStageArn ? { sourceStageArn: p.sourceStageArn, sourceSessionId: p.sourceSessionId } : {}),
  };
}

export function participantSummaryOutput(p: ParticipantRecord): Record<string, unknown> {
  return {
    participantId: p.participantId,
    userId: p.userId,
    state: p.state,
    firstJoinTime: iso(p.firstJoinTime),
    published: p.published,
    recordingState: p.recordingState,
    ...replicationFields(p),
    redundantIngest: false,
  };
}

/** Where a participant's recording goes ("" for both when it is not recorded). */
function recordingLocation(stage: StageRecord | undefined, sessionId: string, p: ParticipantRecord): { bucket: string; prefix: string } {
  const recorded = stage && p.recordingState !== 'DISABLED' && p.published;
  if (!recorded) return { bucket: '', prefix: '' };
  // AWS is silent on bucket names here (they come from a storage configuration, which this emulator does
  // not keep); we derive one from the configuration id, and use the service's <stage>/<session>/<participant>
  // prefix layout.
  const storageId = stage.recording.storageConfigurationArn.split('/').pop() ?? '';
  return { bucket: `greenroom-recordings-${storageId.toLowerCase()}`.slice(0, 63), prefix: `${stage.id}/${sessionId}/${p.participantId}` };
}

export function participantOutput(p: ParticipantRecord, stage: StageRecord | undefined, sessionId: string): Record<string, unknown> {
  const { bucket, prefix } = recordingLocation(stage, sessionId, p);
  const c = p.client;
  return {
    ...participantSummaryOutput(p),
    attributes: { ...p.attributes },
    ...(c.ispName !== undefined ? { ispName: c.ispName } : {}),
    ...(c.osName !== undefined ? { osName: c.osName } : {}),
    ...(c.osVersion !== undefined ? { osVersion: c.osVersion } : {}),
    ...(c.browserName !== undefined ? { browserName: c.browserName } : {}),
    ...(c.browserVersion !== undefined ? { browserVersion: c.browserVersion } : {}),
    ...(c.sdkVersion !== undefined ? { sdkVersion: c.sdkVersion } : {}),
    protocol: c.protocol ?? 'UNKNOWN',
    recordingS3BucketName: bucket,
    recordingS3Prefix: prefix,
  };
}

export function eventOutput(e: EventRecord): Record<string, unknown> {
  return {
    name: e.name,
    participantId: e.participantId,
    eventTime: iso(e.eventTime),
    ...(e.remoteParticipantId !== undefined ? { remoteParticipantId: e.remoteParticipantId } : {}),
    ...(e.errorCode !== undefined ? { errorCode: e.errorCode } : {}),
    ...(e.destinationStageArn !== undefined ? { destinationStageArn: e.destinationStageArn, destinationSessionId: e.destinationSessionId } : {}),
    replica: e.replica,
  };
}

export function replicaOutput(r: ReplicationRecord): Record<string, unknown> {
  return {
    sourceStageArn: r.sourceStageArn,
    participantId: r.participantId,
    sourceSessionId: r.sourceSessionId,
    destinationStageArn: r.destinationStageArn,
    destinationSessionId: r.destinationSessionId,
    replicationState: r.state,
  };
}
