// The participant replication lifecycle through the real SDK over HTTP.
import {
  ConflictException,
  CreateStageCommand,
  DeleteStageCommand,
  GetParticipantCommand,
  GetStageCommand,
  ListParticipantEventsCommand,
  ListParticipantReplicasCommand,
  ListParticipantsCommand,
  ResourceNotFoundException,
  StartParticipantReplicationCommand,
  StopParticipantReplicationCommand,
  ValidationException,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinStage } from './participants-support.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 600_000 });
});
afterAll(() => t.stop());

const fail = <T>(p: Promise<T>) => p.then(() => { throw new Error('expected the call to fail'); }, (e: unknown) => e as Error & { exceptionMessage?: string });

async function twoStages(prefix: string) {
  const ivs = t.ivs();
  const src = (await ivs.send(new CreateStageCommand({ name: `${prefix}-src` }))).stage?.arn ?? '';
  const dst = (await ivs.send(new CreateStageCommand({ name: `${prefix}-dst` }))).stage?.arn ?? '';
  return { src, dst };
}

describe('participant replication', () => {
  it('replicates a publisher: replica in the destination, SOURCE/REPLICA types, events both sides, stop', async () => {
    const ivs = t.ivs();
    const { src, dst } = await twoStages('life');
    const host = await joinStage(t, src, { userId: 'host', attributes: { role: 'host', lang: 'en' }, publish: true });
    await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId, attributes: { role: 'replica' } }));

    const dstStage = (await ivs.send(new GetStageCommand({ arn: dst }))).stage;
    expect(dstStage?.activeSessionId).toMatch(/^st-/); // the replica started the destination's session
    const dstSession = dstStage?.activeSessionId ?? '';
    const replica = (await ivs.send(new GetParticipantCommand({ stageArn: dst, sessionId: dstSession, participantId: host.participantId }))).participant;
    expect(replica).toMatchObject({ replicationType: 'REPLICA', replicationState: 'ACTIVE', sourceStageArn: src, sourceSessionId: host.sessionId, published: true });
    expect(replica?.attributes).toEqual({ role: 'replica', lang: 'en' }); // request over token
    const source = (await ivs.send(new GetParticipantCommand({ stageArn: src, sessionId: host.sessionId, participantId: host.participantId }))).participant;
    expect(source?.replicationType).toBe('SOURCE');

    const replicas = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: src, participantId: host.participantId }));
    expect(replicas.replicas).toEqual([expect.objectContaining({ destinationStageArn: dst, destinationSessionId: dstSession, replicationState: 'ACTIVE' })]);
    const srcEvents = (await ivs.send(new ListParticipantEventsCommand({ stageArn: src, sessionId: host.sessionId, participantId: host.participantId }))).events ?? [];
    expect(srcEvents.find((e) => e.name === 'REPLICATION_STARTED')).toMatchObject({ destinationStageArn: dst, destinationSessionId: dstSession });

    const dup = await fail(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId })));
    expect(dup).toBeInstanceOf(ConflictException);

    await ivs.send(new StopParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId }));
    const after = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: src, participantId: host.participantId }));
    expect(after.replicas?.[0].replicationState).toBe('STOPPED');
    const dstEvents = (await ivs.send(new ListParticipantEventsCommand({ stageArn: dst, sessionId: dstSession, participantId: host.participantId }))).events ?? [];
    expect(dstEvents.map((e) => e.name)).toContain('REPLICATION_STOPPED');
    const stopAgain = await fail(ivs.send(new StopParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId })));
    expect(stopAgain).toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses a participant that is not publishing, the same stage twice, and attributes over 1 KB', async () => {
    const ivs = t.ivs();
    const { src, dst } = await twoStages('rules');
    const quiet = await joinStage(t, src, { userId: 'listener' });
    const notPublishing = await fail(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: quiet.participantId })));
    expect(notPublishing).toBeInstanceOf(ValidationException);
    const host = await joinStage(t, src, { publish: true });
    const same = await fail(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: src, participantId: host.participantId })));
    expect(same).toBeInstanceOf(ValidationException);
    const big = await fail(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId, attributes: { k: 'v'.repeat(1100) } })));
    expect(big).toBeInstanceOf(ValidationException);
    const window = await fail(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId, reconnectWindowSeconds: 301 })));
    expect(window).toBeInstanceOf(ValidationException);
    const missing = await fail(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/nonexistent1', participantId: host.participantId })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it('keeps the replication when the source rejoins within the reconnect window, and stops it otherwise', async () => {
    const ivs = t.ivs();
    const { src, dst } = await twoStages('window');
    const host = await joinStage(t, src, { publish: true });
    await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId, reconnectWindowSeconds: 30 }));
    const state = async () => (await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: src, participantId: host.participantId }))).replicas?.[0].replicationState;

    await t.control.leave({ stageArn: src, participantId: host.participantId });
    await t.control.advanceClock(10_000);
    await t.control.join({ token: host.token });
    await t.control.publish({ stageArn: src, participantId: host.participantId });
    await t.control.advanceClock(40_000);
    expect(await state()).toBe('ACTIVE');

    await t.control.leave({ stageArn: src, participantId: host.participantId });
    await t.control.advanceClock(31_000);
    expect(await state()).toBe('STOPPED');
  });

  it('stops the replication when the destination stage is deleted', async () => {
    const ivs = t.ivs();
    const { src, dst } = await twoStages('delete');
    const host = await joinStage(t, src, { publish: true });
    await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId }));
    await ivs.send(new DeleteStageCommand({ arn: dst }));
    const replicas = await ivs.send(new ListParticipantReplicasCommand({ sourceStageArn: src, participantId: host.participantId }));
    expect(replicas.replicas?.every((r) => r.replicationState === 'STOPPED')).toBe(true);
    const events = (await ivs.send(new ListParticipantEventsCommand({ stageArn: src, sessionId: host.sessionId, participantId: host.participantId }))).events ?? [];
    expect(events.map((e) => e.name)).toContain('REPLICATION_STOPPED');
    const source = (await ivs.send(new ListParticipantsCommand({ stageArn: src, sessionId: host.sessionId, filterByPublished: true }))).participants ?? [];
    expect(source.find((p) => p.participantId === host.participantId)?.replicationState).toBe('STOPPED');
  });
});
