import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_REGION, REGION, expectError, harness } from './domain-harness.ts';

describe('stages', () => {
  it('a new stage has a real-format ARN, endpoints and the recording defaults echoed', async () => {
    const h = harness();
    const out = await h.call('CreateStage', { name: 'show-1', tags: { team: 'live' } });
    const stage = out.stage;
    expect(stage.arn).toMatch(new RegExp(`^arn:aws:ivs:${REGION}:${ACCOUNT}:stage/[a-zA-Z0-9]{12}$`));
    expect(stage.name).toBe('show-1');
    expect(stage.tags).toEqual({ team: 'live' });
    expect(stage.activeSessionId).toBeUndefined();
    expect(stage.endpoints.events).toBe('wss://global.events.live-video.net');
    expect(stage.endpoints.whip).toMatch(/^https:\/\/[a-z0-9]{12}\.global-bm\.whip\.live-video\.net$/);
    expect(stage.endpoints.rtmp).toMatch(/^rtmp:\/\/[a-z0-9]{12}\.global-contribute\.live-video\.net\/app\/$/);
    expect(stage.endpoints.rtmps).toMatch(/^rtmps:\/\/[a-z0-9]{12}\.global-contribute\.live-video\.net:443\/app\/$/);
    expect(stage.autoParticipantRecordingConfiguration).toEqual({
      storageConfigurationArn: '',
      mediaTypes: ['AUDIO_VIDEO'],
      thumbnailConfiguration: { targetIntervalSeconds: 60, storage: ['SEQUENTIAL'], recordingMode: 'DISABLED' },
      recordingReconnectWindowSeconds: 0,
      hlsConfiguration: { targetSegmentDurationSeconds: 6 },
      recordParticipantReplicas: true,
    });
    expect(out.participantTokens).toBeUndefined();
    expect((await h.call('GetStage', { arn: stage.arn })).stage).toEqual(stage);
  });

  it('CreateStage mints one token per configuration, echoing what was asked', async () => {
    const h = harness();
    const out = await h.call('CreateStage', {
      name: 'with-tokens',
      participantTokenConfigurations: [{ userId: 'host', capabilities: ['PUBLISH'], duration: 60 }, { attributes: { seat: 'a1' } }],
    });
    expect(out.participantTokens).toHaveLength(2);
    const [host, guest] = out.participantTokens;
    expect(host).toMatchObject({ userId: 'host', capabilities: ['PUBLISH'], duration: 60 });
    expect(host.participantId).toMatch(/^[a-zA-Z0-9]{12}$/);
    expect(Date.parse(host.expirationTime) - h.clock.now()).toBeGreaterThan(59 * 60_000);
    expect(guest).toMatchObject({ attributes: { seat: 'a1' }, capabilities: ['PUBLISH', 'SUBSCRIBE'], duration: 720 });
    expect(guest.userId).toBeUndefined();
  });

  it('token attributes over 1 KB of UTF-8 are refused', async () => {
    const h = harness();
    const arn = await h.createStage();
    await expectError(h.call('CreateParticipantToken', { stageArn: arn, attributes: { k: 'é'.repeat(512) } }), 'ValidationException', /1024 bytes/);
    await h.call('CreateParticipantToken', { stageArn: arn, attributes: { k: 'x'.repeat(1023) } });
    await expectError(
      h.call('CreateStage', { participantTokenConfigurations: [{ attributes: { a: 'x'.repeat(1024) } }] }),
      'ValidationException',
      /participantTokenConfigurations\[0\]/,
    );
  });

  it('UpdateStage changes the name and the recording settings; unknown stages are 404', async () => {
    const h = harness();
    const arn = await h.createStage('before');
    const storage = `arn:aws:ivs:${REGION}:${ACCOUNT}:storage-configuration/abcdABCD1234`;
    const out = await h.call('UpdateStage', { arn, name: 'after', autoParticipantRecordingConfiguration: { storageConfigurationArn: storage, recordParticipantReplicas: false } });
    expect(out.stage.name).toBe('after');
    expect(out.stage.autoParticipantRecordingConfiguration).toMatchObject({ storageConfigurationArn: storage, recordParticipantReplicas: false, mediaTypes: ['AUDIO_VIDEO'] });
    await expectError(h.call('UpdateStage', { arn: `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/nothingHere1` }), 'ResourceNotFoundException');
  });

  it('UpdateStage refuses to change recording while a participant is being recorded', async () => {
    const h = harness();
    const storage = `arn:aws:ivs:${REGION}:${ACCOUNT}:storage-configuration/abcdABCD1234`;
    const arn = (await h.call('CreateStage', { autoParticipantRecordingConfiguration: { storageConfigurationArn: storage } })).stage.arn;
    const p = await h.participant(arn, { publish: true });
    const got = (await h.call('GetParticipant', { stageArn: arn, sessionId: p.sessionId, participantId: p.participantId })).participant;
    expect(got.recordingState).toBe('ACTIVE');
    expect(got.recordingS3BucketName).toBe('greenroom-recordings-abcdabcd1234');
    expect(got.recordingS3Prefix).toBe(`${arn.split('/')[1]}/${p.sessionId}/${p.participantId}`);
    await expectError(h.call('UpdateStage', { arn, autoParticipantRecordingConfiguration: { storageConfigurationArn: '' } }), 'ConflictException');
    await h.call('UpdateStage', { arn, name: 'renamed-is-fine' });
  });

  it('a stage ARN of another region is not found here', async () => {
    const h = harness();
    const arn = await h.createStage('eu', OTHER_REGION);
    await expectError(h.call('GetStage', { arn }), 'ResourceNotFoundException');
    expect((await h.call('GetStage', { arn }, OTHER_REGION)).stage.arn).toBe(arn);
    expect((await h.call('ListStages', {}, REGION)).stages).toEqual([]);
  });

  it('each account has its own stages', async () => {
    const h = harness();
    await h.createStage('mine');
    expect((await h.call('ListStages', {}, REGION, '210987654321')).stages).toEqual([]);
  });

  it('ListStages pages in creation order and rejects stale, edited and foreign tokens', async () => {
    const h = harness();
    const arns: string[] = [];
    for (let i = 0; i < 7; i++) arns.push(await h.createStage(`s${i}`));
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await h.call('ListStages', { maxResults: 3, ...(nextToken ? { nextToken } : {}) });
      seen.push(...out.stages.map((s: { arn: string }) => s.arn));
      nextToken = out.nextToken;
    } while (nextToken);
    expect(seen).toEqual(arns);

    const first = await h.call('ListStages', { maxResults: 2 });
    const session = await h.participant(arns[0]);
    await expectError(h.call('ListStageSessions', { stageArn: arns[0], nextToken: first.nextToken }), 'ValidationException', /different request/);
    await expectError(h.call('ListStages', { nextToken: first.nextToken.slice(0, -1) + 'A' }), 'ValidationException');
    expect(session.sessionId).toMatch(/^st-[a-zA-Z0-9]{13}$/);
    h.clock.advance(25 * 60 * 60 * 1000);
    await expectError(h.call('ListStages', { nextToken: first.nextToken }), 'ValidationException', /expired/);
  });

  it('a stage quota, when configured, answers ServiceQuotaExceededException', async () => {
    const h = harness({ stageQuota: 2 });
    await h.createStage('a');
    await h.createStage('b');
    await expectError(h.call('CreateStage', { name: 'c' }), 'ServiceQuotaExceededException');
  });
});

describe('tags', () => {
  it('tags are added, listed and removed on a stage', async () => {
    const h = harness();
    const arn = await h.createStage();
    await h.call('TagResource', { resourceArn: arn, tags: { a: '1', b: '2' } });
    expect((await h.call('ListTagsForResource', { resourceArn: arn })).tags).toEqual({ a: '1', b: '2' });
    await h.call('UntagResource', { resourceArn: arn, tagKeys: ['a', 'missing'] });
    expect((await h.call('ListTagsForResource', { resourceArn: arn })).tags).toEqual({ b: '2' });
    expect((await h.call('GetStage', { arn })).stage.tags).toEqual({ b: '2' });
    expect((await h.call('ListStages', {})).stages[0].tags).toEqual({ b: '2' });
  });

  it('unknown resources are 404 and malformed ARNs are 400', async () => {
    const h = harness();
    await expectError(h.call('ListTagsForResource', { resourceArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/abcdABCDefgh` }), 'ResourceNotFoundException');
    await expectError(h.call('ListTagsForResource', { resourceArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:public-key/abcdABCDefgh` }), 'ResourceNotFoundException');
    await expectError(h.call('TagResource', { resourceArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcd`, tags: { a: 'b' } }), 'ValidationException');
    await expectError(h.call('TagResource', { resourceArn: 'not-an-arn', tags: { a: 'b' } }), 'ValidationException');
  });

  it('a stage keeps at most 50 tags', async () => {
    const h = harness();
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const arn = (await h.call('CreateStage', { tags })).stage.arn;
    await expectError(h.call('TagResource', { resourceArn: arn, tags: { extra: 'v' } }), 'ValidationException', /at most 50/);
    await h.call('TagResource', { resourceArn: arn, tags: { k0: 'replaced' } });
  });
});

describe('DeleteStage', () => {
  it('disconnects everyone, ends the session and forgets the stage', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn, { publish: true });
    const b = await h.participant(arn);
    const before = await h.events(arn, a.sessionId, a.participantId);
    expect(before.map((e) => e.name)).toEqual(['PUBLISH_STARTED', 'JOINED']);
    const sessionBackend = h.world.backend(ACCOUNT, REGION);
    const session = sessionBackend?.sessions.get(a.sessionId);
    const deletedFrom = h.clock.now();
    await h.call('DeleteStage', { arn });
    // The clock is real time plus an offset, so a millisecond may pass during the call: bracket it.
    expect(session?.endTime).toBeGreaterThanOrEqual(deletedFrom);
    expect(session?.endTime).toBeLessThanOrEqual(h.clock.now());
    expect(session?.participants.map((p) => [p.state, p.events.at(-1)?.name])).toEqual([
      ['DISCONNECTED', 'LEFT'],
      ['DISCONNECTED', 'LEFT'],
    ]);
    expect(b.participantId).not.toBe(a.participantId);
    await expectError(h.call('GetStage', { arn }), 'ResourceNotFoundException');
    await expectError(h.call('DeleteStage', { arn }), 'ResourceNotFoundException');
    await expectError(h.call('GetStageSession', { stageArn: arn, sessionId: a.sessionId }), 'ResourceNotFoundException');
    expect((await h.call('ListStageSessions', { stageArn: arn })).stageSessions).toEqual([]);
    await expectError(h.call('ListTagsForResource', { resourceArn: arn }), 'ResourceNotFoundException');
    const rejoin = await h.control('POST', '/participants/join', { token: a.token });
    expect(rejoin.status).toBe(404);
  });
});
