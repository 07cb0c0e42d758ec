// SDK outputs → the app's plain-JSON types. Structural sharing only works on JSON values,
// so every Date becomes an ISO string and every absent member is simply left out.
import type {
  Event as SdkEvent,
  Participant as SdkParticipant,
  ParticipantReplica as SdkReplica,
  ParticipantSummary as SdkParticipantSummary,
  ParticipantToken as SdkToken,
  Stage as SdkStage,
  StageSession as SdkSession,
  StageSummary as SdkStageSummary,
  ExchangedParticipantToken as SdkExchangedToken,
} from '@aws-sdk/client-ivs-realtime';
import type {
  ExchangedToken,
  Participant,
  ParticipantEvent,
  ParticipantReplica,
  ParticipantSummary,
  ParticipantToken,
  Stage,
  StageSession,
  StageSummary,
} from './types';

/** Copies only the defined members, so the result has no `undefined` values. */
function defined<T extends object>(o: T): T {
  const out = {} as T;
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

export function iso(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function toStageSummary(s: SdkStageSummary | undefined): StageSummary {
  return defined({
    arn: s?.arn ?? '',
    name: s?.name ?? '',
    activeSessionId: s?.activeSessionId || undefined,
    tags: { ...(s?.tags ?? {}) },
  });
}

export function toStage(s: SdkStage | undefined): Stage {
  const rec = s?.autoParticipantRecordingConfiguration;
  return defined({
    ...toStageSummary(s),
    endpoints: defined({
      events: s?.endpoints?.events,
      whip: s?.endpoints?.whip,
      rtmp: s?.endpoints?.rtmp,
      rtmps: s?.endpoints?.rtmps,
    }),
    recording: rec
      ? defined({
          storageConfigurationArn: rec.storageConfigurationArn ?? '',
          mediaTypes: [...(rec.mediaTypes ?? [])],
          recordingReconnectWindowSeconds: rec.recordingReconnectWindowSeconds,
          recordParticipantReplicas: rec.recordParticipantReplicas,
        })
      : undefined,
  });
}

export function toSession(s: SdkSession | undefined): StageSession {
  return defined({ sessionId: s?.sessionId ?? '', startTime: iso(s?.startTime), endTime: iso(s?.endTime) });
}

export function toParticipantSummary(p: SdkParticipantSummary | undefined): ParticipantSummary {
  return defined({
    participantId: p?.participantId ?? '',
    userId: p?.userId,
    state: p?.state,
    firstJoinTime: iso(p?.firstJoinTime),
    published: p?.published ?? false,
    recordingState: p?.recordingState,
    // IVS documents NONE as the default when the member is absent.
    replicationType: p?.replicationType ?? 'NONE',
    replicationState: p?.replicationState,
    sourceStageArn: p?.sourceStageArn || undefined,
    sourceSessionId: p?.sourceSessionId || undefined,
  });
}

export function toParticipant(p: SdkParticipant | undefined): Participant {
  return defined({
    ...toParticipantSummary(p),
    attributes: { ...(p?.attributes ?? {}) },
    ispName: p?.ispName,
    osName: p?.osName,
    osVersion: p?.osVersion,
    browserName: p?.browserName,
    browserVersion: p?.browserVersion,
    sdkVersion: p?.sdkVersion,
    recordingS3BucketName: p?.recordingS3BucketName,
    recordingS3Prefix: p?.recordingS3Prefix,
    protocol: p?.protocol,
  });
}

function toExchangedToken(t: SdkExchangedToken | undefined): ExchangedToken | undefined {
  if (!t) return undefined;
  return defined({
    capabilities: [...(t.capabilities ?? [])],
    attributes: { ...(t.attributes ?? {}) },
    userId: t.userId,
    expirationTime: iso(t.expirationTime),
  });
}

export function toEvent(e: SdkEvent | undefined): ParticipantEvent {
  return defined({
    name: e?.name ?? 'UNKNOWN',
    participantId: e?.participantId,
    eventTime: iso(e?.eventTime),
    remoteParticipantId: e?.remoteParticipantId || undefined,
    errorCode: e?.errorCode || undefined,
    destinationStageArn: e?.destinationStageArn || undefined,
    destinationSessionId: e?.destinationSessionId || undefined,
    replica: e?.replica ?? false,
    previousToken: toExchangedToken(e?.previousToken),
    newToken: toExchangedToken(e?.newToken),
  });
}

export function toReplica(r: SdkReplica): ParticipantReplica {
  return {
    sourceStageArn: r.sourceStageArn ?? '',
    participantId: r.participantId ?? '',
    sourceSessionId: r.sourceSessionId ?? '',
    destinationStageArn: r.destinationStageArn ?? '',
    destinationSessionId: r.destinationSessionId ?? '',
    replicationState: r.replicationState ?? 'STOPPED',
  };
}

export function toToken(t: SdkToken | undefined): ParticipantToken {
  return defined({
    participantId: t?.participantId ?? '',
    token: t?.token ?? '',
    userId: t?.userId,
    attributes: { ...(t?.attributes ?? {}) },
    duration: t?.duration,
    capabilities: [...(t?.capabilities ?? [])],
    expirationTime: iso(t?.expirationTime),
  });
}
