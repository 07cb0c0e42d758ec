// The conditions that make each operation answer each of its modelled errors, for errors-matrix.test.ts. Real
// conditions wherever the emulator has one; an injected error (FaultRule.errorType) only where none exists.
import * as ivs from '@aws-sdk/client-ivs-realtime';
import { joinStage } from './participants-support.ts';
import { startEmulator, type TestEmulator } from './support.ts';

export type Fixture = { t: TestEmulator; client: ivs.IVSRealTimeClient; src: string; dst: string; sessionId: string; participantId: string };
export type Trigger = { how: string; run: (f: Fixture) => Promise<unknown> };

const ACCOUNT = '123456789012';
export const UNKNOWN_STAGE = `arn:aws:ivs:us-east-1:${ACCOUNT}:stage/unknownStage1`;
const STORAGE = `arn:aws:ivs:us-east-1:${ACCOUNT}:storage-configuration/recordings1`;

/** A source stage with one publishing participant in its live session, and an empty destination stage. */
export async function fixture(t: TestEmulator): Promise<Fixture> {
  const client = t.ivs();
  const src = (await client.send(new ivs.CreateStageCommand({ name: 'matrix-src' }))).stage?.arn ?? '';
  const dst = (await client.send(new ivs.CreateStageCommand({ name: 'matrix-dst' }))).stage?.arn ?? '';
  const host = await joinStage(t, src, { userId: 'host', publish: true });
  return { t, client, src, dst, sessionId: host.sessionId, participantId: host.participantId };
}

const replication = (f: Fixture) => ({ sourceStageArn: f.src, destinationStageArn: f.dst, participantId: f.participantId });
const participant = (f: Fixture) => ({ stageArn: f.src, sessionId: f.sessionId, participantId: f.participantId });

/** A request each operation accepts in the fixture: what access denial, pending verification and faults refuse. */
export const validCall: Record<string, (f: Fixture) => Promise<unknown>> = {
  CreateStage: (f) => f.client.send(new ivs.CreateStageCommand({ name: 'another' })),
  GetStage: (f) => f.client.send(new ivs.GetStageCommand({ arn: f.src })),
  UpdateStage: (f) => f.client.send(new ivs.UpdateStageCommand({ arn: f.src, name: 'renamed' })),
  DeleteStage: (f) => f.client.send(new ivs.DeleteStageCommand({ arn: f.dst })),
  ListStages: (f) => f.client.send(new ivs.ListStagesCommand({})),
  GetStageSession: (f) => f.client.send(new ivs.GetStageSessionCommand({ stageArn: f.src, sessionId: f.sessionId })),
  ListStageSessions: (f) => f.client.send(new ivs.ListStageSessionsCommand({ stageArn: f.src })),
  CreateParticipantToken: (f) => f.client.send(new ivs.CreateParticipantTokenCommand({ stageArn: f.src })),
  DisconnectParticipant: (f) => f.client.send(new ivs.DisconnectParticipantCommand({ stageArn: f.src, participantId: f.participantId })),
  GetParticipant: (f) => f.client.send(new ivs.GetParticipantCommand(participant(f))),
  ListParticipants: (f) => f.client.send(new ivs.ListParticipantsCommand({ stageArn: f.src, sessionId: f.sessionId })),
  ListParticipantEvents: (f) => f.client.send(new ivs.ListParticipantEventsCommand(participant(f))),
  StartParticipantReplication: (f) => f.client.send(new ivs.StartParticipantReplicationCommand(replication(f))),
  StopParticipantReplication: async (f) => {
    await f.client.send(new ivs.StartParticipantReplicationCommand(replication(f)));
    return f.client.send(new ivs.StopParticipantReplicationCommand(replication(f)));
  },
  ListParticipantReplicas: (f) => f.client.send(new ivs.ListParticipantReplicasCommand({ sourceStageArn: f.src, participantId: f.participantId })),
  TagResource: (f) => f.client.send(new ivs.TagResourceCommand({ resourceArn: f.src, tags: { team: 'live' } })),
  UntagResource: (f) => f.client.send(new ivs.UntagResourceCommand({ resourceArn: f.src, tagKeys: ['team'] })),
  ListTagsForResource: (f) => f.client.send(new ivs.ListTagsForResourceCommand({ resourceArn: f.src })),
};

/** The fallback: the injector answers this one modelled error, since no real condition of the emulator does. */
const injected = (operation: string, errorType: string): Trigger => ({
  how: `an injected ${errorType} (no real condition)`,
  run: async (f) => {
    await f.t.control.setFaults({ rules: [{ operation, errorType }] });
    return validCall[operation](f);
  },
});

const internal = (operation: string): Trigger => ({
  how: 'the injector fails the next request with a 500',
  run: async (f) => {
    await f.t.control.setFaults({ rules: [{ operation, failNext: 1, errorStatus: 500 }] });
    return validCall[operation](f);
  },
});

const unknownStage = (how: string, run: (f: Fixture) => Promise<unknown>): Trigger => ({ how: `${how} names an unknown stage`, run });

export const TRIGGERS: Record<string, Record<string, Trigger>> = {
  CreateStage: {
    ValidationException: { how: '13 participantTokenConfigurations (list size)', run: (f) => f.client.send(new ivs.CreateStageCommand({ participantTokenConfigurations: Array.from({ length: 13 }, () => ({})) })) },
    ServiceQuotaExceededException: {
      how: 'the stage quota (stageQuota: 1) is reached',
      run: async () => {
        const small = await startEmulator({ stageQuota: 1 });
        try {
          await small.ivs().send(new ivs.CreateStageCommand({ name: 'first' }));
          return await small.ivs().send(new ivs.CreateStageCommand({ name: 'second' }));
        } finally {
          await small.stop();
        }
      },
    },
  },
  GetStage: {
    ValidationException: { how: 'arn is missing (required member)', run: (f) => f.client.send(new ivs.GetStageCommand({} as ivs.GetStageRequest)) },
    ResourceNotFoundException: unknownStage('arn', (f) => f.client.send(new ivs.GetStageCommand({ arn: UNKNOWN_STAGE }))),
  },
  UpdateStage: {
    ValidationException: { how: 'name has a space (pattern)', run: (f) => f.client.send(new ivs.UpdateStageCommand({ arn: f.src, name: 'has space' })) },
    ResourceNotFoundException: unknownStage('arn', (f) => f.client.send(new ivs.UpdateStageCommand({ arn: UNKNOWN_STAGE, name: 'x' }))),
    ConflictException: {
      how: 'the recording settings change while a participant is recorded',
      run: async (f) => {
        const cfg = { storageConfigurationArn: STORAGE };
        const stage = (await f.client.send(new ivs.CreateStageCommand({ name: 'recorded', autoParticipantRecordingConfiguration: cfg }))).stage?.arn ?? '';
        await joinStage(f.t, stage, { publish: true });
        return f.client.send(new ivs.UpdateStageCommand({ arn: stage, autoParticipantRecordingConfiguration: { ...cfg, mediaTypes: ['AUDIO_ONLY'] } }));
      },
    },
    ServiceQuotaExceededException: injected('UpdateStage', 'ServiceQuotaExceededException'),
  },
  DeleteStage: {
    ValidationException: { how: 'arn is not a stage ARN (pattern)', run: (f) => f.client.send(new ivs.DeleteStageCommand({ arn: 'not-an-arn' })) },
    ResourceNotFoundException: unknownStage('arn', (f) => f.client.send(new ivs.DeleteStageCommand({ arn: UNKNOWN_STAGE }))),
    ConflictException: injected('DeleteStage', 'ConflictException'),
  },
  ListStages: {
    ValidationException: { how: 'maxResults is 101 (range)', run: (f) => f.client.send(new ivs.ListStagesCommand({ maxResults: 101 })) },
    ConflictException: injected('ListStages', 'ConflictException'),
  },
  GetStageSession: {
    ValidationException: { how: 'sessionId is 6 characters (length)', run: (f) => f.client.send(new ivs.GetStageSessionCommand({ stageArn: f.src, sessionId: 'st-abc' })) },
    ResourceNotFoundException: { how: 'sessionId names an unknown session', run: (f) => f.client.send(new ivs.GetStageSessionCommand({ stageArn: f.src, sessionId: 'st-0000000000000' })) },
  },
  ListStageSessions: {
    ValidationException: { how: 'maxResults is 0 (range)', run: (f) => f.client.send(new ivs.ListStageSessionsCommand({ stageArn: f.src, maxResults: 0 })) },
  },
  CreateParticipantToken: {
    ValidationException: {
      how: 'a capability is not PUBLISH or SUBSCRIBE (enum)',
      run: (f) => f.client.send(new ivs.CreateParticipantTokenCommand({ stageArn: f.src, capabilities: ['SHOUT' as ivs.ParticipantTokenCapability] })),
    },
    ResourceNotFoundException: unknownStage('stageArn', (f) => f.client.send(new ivs.CreateParticipantTokenCommand({ stageArn: UNKNOWN_STAGE }))),
    ServiceQuotaExceededException: injected('CreateParticipantToken', 'ServiceQuotaExceededException'),
  },
  DisconnectParticipant: {
    ValidationException: {
      how: 'reason is 129 characters (length)',
      run: (f) => f.client.send(new ivs.DisconnectParticipantCommand({ stageArn: f.src, participantId: f.participantId, reason: 'r'.repeat(129) })),
    },
    ResourceNotFoundException: { how: 'participantId never joined', run: (f) => f.client.send(new ivs.DisconnectParticipantCommand({ stageArn: f.src, participantId: 'neverJoined1' })) },
  },
  GetParticipant: {
    ValidationException: {
      how: 'participantId is missing (required member)',
      run: (f) => f.client.send(new ivs.GetParticipantCommand({ stageArn: f.src, sessionId: f.sessionId } as ivs.GetParticipantRequest)),
    },
    ResourceNotFoundException: { how: 'participantId is not in the session', run: (f) => f.client.send(new ivs.GetParticipantCommand({ ...participant(f), participantId: 'neverJoined1' })) },
  },
  ListParticipants: {
    ValidationException: {
      how: 'filterByState is GONE (enum)',
      run: (f) => f.client.send(new ivs.ListParticipantsCommand({ stageArn: f.src, sessionId: f.sessionId, filterByState: 'GONE' as ivs.ParticipantState })),
    },
  },
  ListParticipantEvents: {
    ValidationException: { how: 'participantId has a space (pattern)', run: (f) => f.client.send(new ivs.ListParticipantEventsCommand({ ...participant(f), participantId: 'bad id' })) },
  },
  StartParticipantReplication: {
    ValidationException: { how: 'reconnectWindowSeconds is 301 (range)', run: (f) => f.client.send(new ivs.StartParticipantReplicationCommand({ ...replication(f), reconnectWindowSeconds: 301 })) },
    ResourceNotFoundException: unknownStage('destinationStageArn', (f) => f.client.send(new ivs.StartParticipantReplicationCommand({ ...replication(f), destinationStageArn: UNKNOWN_STAGE }))),
    ConflictException: {
      how: 'the participant is already replicated to that stage',
      run: async (f) => {
        await f.client.send(new ivs.StartParticipantReplicationCommand(replication(f)));
        return f.client.send(new ivs.StartParticipantReplicationCommand(replication(f)));
      },
    },
    ServiceQuotaExceededException: {
      how: 'the destination already has 12 publishers',
      run: async (f) => {
        for (let i = 0; i < 12; i++) await joinStage(f.t, f.dst, { userId: `pub-${i}`, publish: true });
        return f.client.send(new ivs.StartParticipantReplicationCommand(replication(f)));
      },
    },
    InternalServerException: internal('StartParticipantReplication'),
  },
  StopParticipantReplication: {
    ValidationException: { how: 'sourceStageArn is missing (required member)', run: (f) => f.client.send(new ivs.StopParticipantReplicationCommand({ ...replication(f), sourceStageArn: undefined } as unknown as ivs.StopParticipantReplicationRequest)) },
    ResourceNotFoundException: { how: 'no replication is active', run: (f) => f.client.send(new ivs.StopParticipantReplicationCommand(replication(f))) },
    InternalServerException: {
      how: 'the injector fails every request (errorRate 1)',
      run: async (f) => {
        await f.client.send(new ivs.StartParticipantReplicationCommand(replication(f)));
        await f.t.control.setFaults({ rules: [{ operation: 'StopParticipantReplication', errorRate: 1 }] });
        return f.client.send(new ivs.StopParticipantReplicationCommand(replication(f)));
      },
    },
  },
  ListParticipantReplicas: {
    ValidationException: { how: 'maxResults is 51 (range)', run: (f) => f.client.send(new ivs.ListParticipantReplicasCommand({ sourceStageArn: f.src, participantId: f.participantId, maxResults: 51 })) },
  },
  TagResource: {
    ValidationException: {
      how: '51 tags (map size)',
      run: (f) => f.client.send(new ivs.TagResourceCommand({ resourceArn: f.src, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) })),
    },
    ResourceNotFoundException: unknownStage('resourceArn', (f) => f.client.send(new ivs.TagResourceCommand({ resourceArn: UNKNOWN_STAGE, tags: { a: 'b' } }))),
    InternalServerException: internal('TagResource'),
  },
  UntagResource: {
    ValidationException: {
      how: '51 tagKeys (list size)',
      run: (f) => f.client.send(new ivs.UntagResourceCommand({ resourceArn: f.src, tagKeys: Array.from({ length: 51 }, (_, i) => `k${i}`) })),
    },
    ResourceNotFoundException: unknownStage('resourceArn', (f) => f.client.send(new ivs.UntagResourceCommand({ resourceArn: UNKNOWN_STAGE, tagKeys: ['a'] }))),
    InternalServerException: internal('UntagResource'),
  },
  ListTagsForResource: {
    ValidationException: {
      how: 'resourceArn is 142 characters (length)',
      run: (f) => f.client.send(new ivs.ListTagsForResourceCommand({ resourceArn: `arn:aws:ivs:us-east-1:${ACCOUNT}:stage/${'a'.repeat(100)}` })),
    },
    ResourceNotFoundException: unknownStage('resourceArn', (f) => f.client.send(new ivs.ListTagsForResourceCommand({ resourceArn: UNKNOWN_STAGE }))),
    InternalServerException: internal('ListTagsForResource'),
  },
};
