import { describe, expect, it } from 'vitest';
import { Clock } from '../src/state/clock.ts';
import { World } from '../src/state/world.ts';
import { ACCOUNT, OTHER_REGION, REGION, harness } from './domain-harness.ts';

describe('snapshot and restore', () => {
  it('a restored world has the same stages, sessions, participants, events, replications and tags', async () => {
    const h = harness();
    const source = await h.createStage('source');
    const dest = await h.createStage('dest');
    await h.createStage('eu', OTHER_REGION);
    await h.call('TagResource', { resourceArn: source, tags: { env: 'prod' } });
    const host = await h.participant(source, { publish: true, attributes: { role: 'host' } });
    const fan = await h.participant(source);
    await h.ok('/participants/subscribe', { ...fan.ref, remoteParticipantId: host.participantId });
    await h.call('StartParticipantReplication', { sourceStageArn: source, destinationStageArn: dest, participantId: host.participantId, reconnectWindowSeconds: 30 });
    await h.ok('/participants/leave', host.ref);
    const pendingToken = await h.token(source, { userId: 'later' });

    const snapshot = JSON.parse(JSON.stringify(h.world.snapshot())) as unknown;
    const restored = new World({ accountId: ACCOUNT, regions: [REGION, OTHER_REGION], clock: h.clock, sessionIdleMs: 10_000 });
    restored.restore(snapshot);
    expect(restored.snapshot()).toEqual(snapshot);

    // Behaviour continues: indexes rebuilt, timers resume, the token key survived, ids do not repeat.
    const b = restored.backend(ACCOUNT, REGION);
    if (!b) throw new Error('no backend');
    const session = b.sessions.get(host.sessionId);
    expect(session?.index.get(fan.participantId)?.subscriptions).toEqual([]);
    expect(session?.connectedCount).toBe(1);
    const claims = await restored.signer.verify(pendingToken.token, h.clock.now());
    expect(claims.userId).toBe('later');
    h.clock.advance(31_000);
    restored.tick();
    expect(b.replications[0].state).toBe('STOPPED');
    const next = b.createStage({ name: 'after-restore' });
    expect([source, dest]).not.toContain(next.arn);
  });

  it('onChange fires after mutations and after timers that changed state', () => {
    const clock = new Clock();
    const world = new World({ accountId: ACCOUNT, regions: [REGION], clock, sessionIdleMs: 1000, seed: 's' });
    let changes = 0;
    world.onChange(() => (changes += 1));
    expect(changes).toBe(0);
    const b = world.backend(ACCOUNT, REGION);
    b?.createStage({ name: 'x' });
    b?.changed();
    expect(changes).toBe(1);
    world.tick();
    expect(changes).toBe(1);
    b?.ensureSession(b.stages.values().next().value!, clock.now());
    b?.settle([...b.stages.keys()][0], clock.now());
    clock.advance(1000);
    world.tick();
    expect(changes).toBe(2);
  });

  it('a seeded world hands out the same ids on every run', () => {
    const ids = () => {
      const w = new World({ accountId: ACCOUNT, regions: [REGION], clock: new Clock(), seed: 'same' });
      const b = w.backend(ACCOUNT, REGION);
      return [b?.createStage({}).arn, b?.createStage({}).arn];
    };
    expect(ids()).toEqual(ids());
    expect(new World({ accountId: ACCOUNT, regions: [REGION], clock: new Clock() }).backend(ACCOUNT, 'mars-1')).toBeUndefined();
  });
});
