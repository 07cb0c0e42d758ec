import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_REGION, REGION, expectError, harness, names, type Harness } from './domain-harness.ts';

async function twoStages(h: Harness, opts: { attributes?: Record<string, string> } = {}) {
  const source = await h.createStage('source');
  const dest = await h.createStage('dest');
  const host = await h.participant(source, { publish: true, userId: 'host', attributes: opts.attributes ?? { role: 'host', lang: 'en' } });
  return { source, dest, host };
}

const replicas = (h: Harness, sourceStageArn: string, participantId: string) =>
  h.call('ListParticipantReplicas', { sourceStageArn, participantId }).then((o) => o.replicas as Record<string, string>[]);

describe('starting a replication', () => {
  it('the replica appears in the destination (starting its session) with merged attributes', async () => {
    const h = harness();
    const { source, dest, host } = await twoStages(h);
    const out = await h.call('StartParticipantReplication', {
      sourceStageArn: source, destinationStageArn: dest, participantId: host.participantId, attributes: { lang: 'fr', extra: 'yes' }, reconnectWindowSeconds: 30,
    });
    expect(out).toEqual({});
    const destSession = (await h.call('GetStage', { arn: dest })).stage.activeSessionId as string;
    expect(destSession).toMatch(/^st-/);

    const replica = (await h.call('GetParticipant', { stageArn: dest, sessionId: destSession, participantId: host.participantId })).participant;
    expect(replica).toMatchObject({
      participantId: host.participantId,
      userId: 'host',
      state: 'CONNECTED',
      published: true,
      replicationType: 'REPLICA',
      replicationState: 'ACTIVE',
      sourceStageArn: source,
      sourceSessionId: host.sessionId,
      attributes: { role: 'host', lang: 'fr', extra: 'yes' },
    });
    const src = (await h.call('GetParticipant', { stageArn: source, sessionId: host.sessionId, participantId: host.participantId })).participant;
    expect(src).toMatchObject({ replicationType: 'SOURCE', replicationState: 'ACTIVE' });
    expect(src.sourceStageArn).toBeUndefined();

    expect(await replicas(h, source, host.participantId)).toEqual([
      { sourceStageArn: source, participantId: host.participantId, sourceSessionId: host.sessionId, destinationStageArn: dest, destinationSessionId: destSession, replicationState: 'ACTIVE' },
    ]);
    const srcEvents = await h.events(source, host.sessionId, host.participantId);
    expect(srcEvents[0]).toMatchObject({ name: 'REPLICATION_STARTED', destinationStageArn: dest, destinationSessionId: destSession, replica: false });
    const replicaEvents = await h.events(dest, destSession, host.participantId);
    expect(names(replicaEvents)).toEqual(['PUBLISH_STARTED', 'REPLICATION_STARTED', 'JOINED']);
    expect(replicaEvents.every((e) => e.replica === true)).toBe(true);
    expect(replicaEvents[1]).toMatchObject({ destinationStageArn: dest, destinationSessionId: destSession });

    // Others in the destination see the replica as a publisher.
    const viewer = await h.participant(dest);
    await h.ok('/participants/subscribe', { ...viewer.ref, remoteParticipantId: host.participantId });
    expect((await h.events(dest, destSession, viewer.participantId))[0]).toMatchObject({ name: 'SUBSCRIBE_STARTED', replica: true });
    expect((await h.control('POST', '/participants/publish', { stageArn: dest, participantId: host.participantId })).status).toBe(400);
  });

  it('refuses what cannot be replicated, with the chosen errors', async () => {
    const h = harness();
    const { source, dest, host } = await twoStages(h);
    const start = (input: Record<string, unknown>) => h.call('StartParticipantReplication', { sourceStageArn: source, destinationStageArn: dest, participantId: host.participantId, ...input });
    await expectError(start({ destinationStageArn: source }), 'ValidationException', /different/);
    await expectError(start({ destinationStageArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/abcdABCDefgh` }), 'ResourceNotFoundException');
    await expectError(start({ sourceStageArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/abcdABCDefgh` }), 'ResourceNotFoundException');
    // A stage of another region is not found here, whichever member names it (as for every stage ARN).
    const far = await h.createStage('far', OTHER_REGION);
    await expectError(start({ destinationStageArn: far }), 'ResourceNotFoundException', /us-east-1/);
    await expectError(start({ sourceStageArn: far }), 'ResourceNotFoundException', /us-east-1/);
    await expectError(start({ participantId: 'nobodyHere12' }), 'ResourceNotFoundException');
    await expectError(start({ participantId: 'bad_id' }), 'ValidationException');
    await expectError(start({ attributes: { big: 'x'.repeat(1100) } }), 'ValidationException', /1024/);
    await expectError(start({ reconnectWindowSeconds: 301 }), 'ValidationException');

    const viewer = await h.participant(source);
    await expectError(start({ participantId: viewer.participantId }), 'ValidationException', /not publishing/);

    await start({});
    await expectError(start({}), 'ConflictException');
    // A replica cannot be the source of another replication.
    const third = await h.createStage('third');
    await expectError(h.call('StartParticipantReplication', { sourceStageArn: dest, destinationStageArn: third, participantId: host.participantId }), 'ValidationException', /replica/);
  });

  it('the 1 KB limit applies to the request field; a merge over 1 KB of two fitting maps is allowed (AWS is silent)', async () => {
    const h = harness();
    const { source, dest, host } = await twoStages(h, { attributes: { a: 'x'.repeat(700) } });
    await h.call('StartParticipantReplication', { sourceStageArn: source, destinationStageArn: dest, participantId: host.participantId, attributes: { b: 'y'.repeat(500) } });
    const session = (await h.call('GetStage', { arn: dest })).stage.activeSessionId as string;
    const replica = (await h.call('GetParticipant', { stageArn: dest, sessionId: session, participantId: host.participantId })).participant;
    expect(replica.attributes).toEqual({ a: 'x'.repeat(700), b: 'y'.repeat(500) });
    await expectError(
      h.call('StartParticipantReplication', { sourceStageArn: source, destinationStageArn: dest, participantId: host.participantId, attributes: { b: 'y'.repeat(1100) } }),
      'ValidationException',
      /attributes must total at most 1024 bytes/,
    );
  });

  it('an unknown stage or participant lists no replicas', async () => {
    const h = harness();
    expect(await replicas(h, `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/abcdABCDefgh`, 'x')).toEqual([]);
    await expectError(h.call('ListParticipantReplicas', { sourceStageArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/abcdABCDefgh`, participantId: 'x', maxResults: 51 }), 'ValidationException');
  });
});

describe('a replication follows its source', () => {
  async function replicating(h: Harness, reconnectWindowSeconds = 0) {
    const s = await twoStages(h);
    await h.call('StartParticipantReplication', { sourceStageArn: s.source, destinationStageArn: s.dest, participantId: s.host.participantId, reconnectWindowSeconds });
    const destSession = (await h.call('GetStage', { arn: s.dest })).stage.activeSessionId as string;
    const replica = () => h.call('GetParticipant', { stageArn: s.dest, sessionId: destSession, participantId: s.host.participantId }).then((o) => o.participant);
    return { ...s, destSession, replica };
  }

  it('with a window, the replica follows unpublish and publish and the replication stays ACTIVE', async () => {
    const h = harness();
    const r = await replicating(h, 30);
    await h.ok('/participants/unpublish', r.host.ref);
    await h.advance(10_000);
    await h.ok('/participants/publish', r.host.ref);
    await h.advance(60_000);
    expect((await replicas(h, r.source, r.host.participantId))[0].replicationState).toBe('ACTIVE');
    expect(names(await h.events(r.dest, r.destSession, r.host.participantId)).slice(0, 2)).toEqual(['PUBLISH_STARTED', 'PUBLISH_STOPPED']);
  });

  it('without a window, unpublishing stops the replication at once', async () => {
    const h = harness();
    const r = await replicating(h, 0);
    await h.ok('/participants/unpublish', r.host.ref);
    expect((await replicas(h, r.source, r.host.participantId))[0].replicationState).toBe('STOPPED');
    expect(await r.replica()).toMatchObject({ state: 'DISCONNECTED', replicationState: 'STOPPED', replicationType: 'REPLICA' });
    expect(names(await h.events(r.dest, r.destSession, r.host.participantId)).slice(0, 3)).toEqual(['LEFT', 'REPLICATION_STOPPED', 'PUBLISH_STOPPED']);
    const srcEvents = await h.events(r.source, r.host.sessionId, r.host.participantId);
    expect(srcEvents[0]).toMatchObject({ name: 'REPLICATION_STOPPED', destinationStageArn: r.dest, destinationSessionId: r.destSession });
    expect((await h.call('GetParticipant', { stageArn: r.source, sessionId: r.host.sessionId, participantId: r.host.participantId })).participant)
      .toMatchObject({ replicationType: 'SOURCE', replicationState: 'STOPPED' });
  });

  it('a source that drops and re-joins within the window keeps the replication; the replica leaves and comes back', async () => {
    const h = harness();
    const r = await replicating(h, 20);
    await h.ok('/participants/leave', r.host.ref);
    expect(await r.replica()).toMatchObject({ state: 'DISCONNECTED', replicationState: 'ACTIVE' });
    await h.advance(15_000);
    await h.ok('/participants/join', { token: r.host.token });
    await h.advance(30_000);
    expect((await replicas(h, r.source, r.host.participantId))[0].replicationState).toBe('ACTIVE');
    expect(await r.replica()).toMatchObject({ state: 'CONNECTED', replicationState: 'ACTIVE' });
    await h.ok('/participants/publish', r.host.ref);
    expect(names(await h.events(r.dest, r.destSession, r.host.participantId)).slice(0, 4)).toEqual(['PUBLISH_STARTED', 'JOINED', 'LEFT', 'PUBLISH_STOPPED']);
  });

  it('a source that stays away longer than the window ends the replication when the window ran out', async () => {
    const h = harness();
    const r = await replicating(h, 20);
    await h.ok('/participants/leave', r.host.ref);
    const leftAt = h.clock.now();
    await h.advance(19_000);
    expect((await replicas(h, r.source, r.host.participantId))[0].replicationState).toBe('ACTIVE');
    await h.advance(2_000);
    expect((await replicas(h, r.source, r.host.participantId))[0].replicationState).toBe('STOPPED');
    const stopped = (await h.events(r.source, r.host.sessionId, r.host.participantId))[0];
    expect(stopped.name).toBe('REPLICATION_STOPPED');
    expect(Math.abs(Date.parse(stopped.eventTime) - (leftAt + 20_000))).toBeLessThan(1000);
    // Coming back later does not restart it.
    await h.ok('/participants/join', { token: r.host.token });
    await h.ok('/participants/publish', r.host.ref);
    expect(await r.replica()).toMatchObject({ state: 'DISCONNECTED', replicationState: 'STOPPED' });
  });

  it('the reconnect window holds both sessions open past the idle time', async () => {
    const h = harness({ sessionIdleMs: 5_000 });
    const r = await replicating(h, 60);
    await h.ok('/participants/leave', r.host.ref);
    await h.advance(30_000);
    expect((await h.call('GetStage', { arn: r.source })).stage.activeSessionId).toBe(r.host.sessionId);
    expect((await h.call('GetStage', { arn: r.dest })).stage.activeSessionId).toBe(r.destSession);
    await h.advance(31_000 + 5_000);
    expect((await h.call('GetStage', { arn: r.source })).stage.activeSessionId).toBeUndefined();
    expect((await h.call('GetStage', { arn: r.dest })).stage.activeSessionId).toBeUndefined();
    // STOPPED replicas are dropped from the list once their source session has ended.
    expect(await replicas(h, r.source, r.host.participantId)).toEqual([]);
  });

  it('StopParticipantReplication ends it; the STOPPED replica stays listed and a new one may start', async () => {
    const h = harness();
    const r = await replicating(h, 30);
    const stop = () => h.call('StopParticipantReplication', { sourceStageArn: r.source, destinationStageArn: r.dest, participantId: r.host.participantId });
    expect(await stop()).toEqual({});
    await expectError(stop(), 'ResourceNotFoundException');
    expect((await replicas(h, r.source, r.host.participantId)).map((x) => x.replicationState)).toEqual(['STOPPED']);
    await h.call('StartParticipantReplication', { sourceStageArn: r.source, destinationStageArn: r.dest, participantId: r.host.participantId });
    expect((await replicas(h, r.source, r.host.participantId)).map((x) => x.replicationState)).toEqual(['STOPPED', 'ACTIVE']);
    expect(await r.replica()).toMatchObject({ state: 'CONNECTED', replicationState: 'ACTIVE' });
    const page = await h.call('ListParticipantReplicas', { sourceStageArn: r.source, participantId: r.host.participantId, maxResults: 1 });
    expect(page.replicas).toHaveLength(1);
    const next = await h.call('ListParticipantReplicas', { sourceStageArn: r.source, participantId: r.host.participantId, maxResults: 1, nextToken: page.nextToken });
    expect(next.replicas[0].replicationState).toBe('ACTIVE');
    await expectError(h.call('ListParticipantReplicas', { sourceStageArn: r.dest, participantId: r.host.participantId, nextToken: page.nextToken }), 'ValidationException');
  });

  it('DisconnectParticipant of the source stops it at once, whatever the window', async () => {
    const h = harness();
    const r = await replicating(h, 300);
    await h.call('DisconnectParticipant', { stageArn: r.source, participantId: r.host.participantId });
    expect((await replicas(h, r.source, r.host.participantId))[0].replicationState).toBe('STOPPED');
    expect(await r.replica()).toMatchObject({ state: 'DISCONNECTED', replicationState: 'STOPPED' });
  });

  it('DeleteStage of the destination stops it with events on the source', async () => {
    const h = harness();
    const r = await replicating(h, 300);
    await h.call('DeleteStage', { arn: r.dest });
    expect((await replicas(h, r.source, r.host.participantId))[0].replicationState).toBe('STOPPED');
    expect((await h.events(r.source, r.host.sessionId, r.host.participantId))[0]).toMatchObject({ name: 'REPLICATION_STOPPED', destinationStageArn: r.dest });
  });

  it('DeleteStage of the source stops it and the replica leaves the destination', async () => {
    const h = harness();
    const r = await replicating(h, 300);
    await h.call('DeleteStage', { arn: r.source });
    expect(await r.replica()).toMatchObject({ state: 'DISCONNECTED', replicationState: 'STOPPED' });
    expect(names(await h.events(r.dest, r.destSession, r.host.participantId)).slice(0, 2)).toEqual(['LEFT', 'REPLICATION_STOPPED']);
    expect(await replicas(h, r.source, r.host.participantId)).toEqual([]);
  });

  it('a destination with 12 publishers refuses a replica', async () => {
    const h = harness();
    const { source, dest, host } = await twoStages(h);
    for (let i = 0; i < 12; i++) await h.participant(dest, { publish: true });
    await expectError(h.call('StartParticipantReplication', { sourceStageArn: source, destinationStageArn: dest, participantId: host.participantId }), 'ServiceQuotaExceededException');
  });
});
