import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, IDLE_MS, REGION, expectError, harness, names } from './domain-harness.ts';

const CLIENT = { osName: 'macOS', osVersion: '15.1', browserName: 'Chrome', browserVersion: '131.0', sdkVersion: '1.24.0', ispName: 'Example Fiber', protocol: 'WHIP' };

describe('participant tokens', () => {
  it('a token is an ES384 JWT with the stage, user, attributes and capabilities', async () => {
    const h = harness();
    const arn = await h.createStage();
    const t = (await h.call('CreateParticipantToken', { stageArn: arn, userId: 'ana', attributes: { role: 'host' }, capabilities: ['SUBSCRIBE'], duration: 30 })).participantToken;
    expect(decodeProtectedHeader(t.token)).toMatchObject({ alg: 'ES384', typ: 'JWT' });
    const claims = decodeJwt(t.token);
    expect(claims).toMatchObject({
      jti: t.participantId,
      resource: arn,
      topic: arn.split('/')[1],
      user_id: 'ana',
      attributes: { role: 'host' },
      capabilities: { allow_publish: false, allow_subscribe: true },
      version: '1.0',
      events_url: 'wss://global.events.live-video.net',
    });
    expect(claims.whip_url).toMatch(/^https:\/\/[a-z0-9]{12}\.global-bm\.whip\.live-video\.net$/);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(30 * 60);
    expect(t).toMatchObject({ duration: 30, capabilities: ['SUBSCRIBE'], userId: 'ana' });
  });

  it('a token for an unknown stage is 404', async () => {
    const h = harness();
    await expectError(h.call('CreateParticipantToken', { stageArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/abcdABCDefgh` }), 'ResourceNotFoundException');
  });
});

describe('joining', () => {
  it('the first participant starts a session; the participant shows what its client reported', async () => {
    const h = harness();
    const arn = await h.createStage();
    const t = await h.token(arn, { userId: 'ana', attributes: { seat: 'front' } });
    const joined = await h.ok('/participants/join', { token: t.token, clientInfo: CLIENT });
    expect(joined).toEqual({ participantId: t.participantId, stageArn: arn, sessionId: expect.stringMatching(/^st-[a-zA-Z0-9]{13}$/) });
    const stage = (await h.call('GetStage', { arn })).stage;
    expect(stage.activeSessionId).toBe(joined.sessionId);
    const session = (await h.call('GetStageSession', { stageArn: arn, sessionId: joined.sessionId })).stageSession;
    expect(session).toEqual({ sessionId: joined.sessionId, startTime: expect.any(String) });
    expect(h.clock.now() - Date.parse(session.startTime)).toBeLessThan(1000);

    const p = (await h.call('GetParticipant', { stageArn: arn, sessionId: joined.sessionId, participantId: t.participantId })).participant;
    expect(p).toEqual({
      participantId: t.participantId,
      userId: 'ana',
      state: 'CONNECTED',
      firstJoinTime: session.startTime,
      published: false,
      recordingState: 'DISABLED',
      replicationType: 'NONE',
      redundantIngest: false,
      attributes: { seat: 'front' },
      ...CLIENT,
      recordingS3BucketName: '',
      recordingS3Prefix: '',
    });
    await h.ok('/participants/client-info', { stageArn: arn, participantId: t.participantId, osVersion: '15.2', protocol: 'RTMPS' });
    const after = (await h.call('GetParticipant', { stageArn: arn, sessionId: joined.sessionId, participantId: t.participantId })).participant;
    expect(after).toMatchObject({ osVersion: '15.2', protocol: 'RTMPS', osName: 'macOS' });
  });

  it('client info that breaks the model constraints is a 400 naming the field', async () => {
    const h = harness();
    const arn = await h.createStage();
    const t = await h.token(arn);
    const r = await h.control('POST', '/participants/join', { token: t.token, clientInfo: { osName: 'bad<name>' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/clientInfo\.osName/);
    expect(h.world.backend(ACCOUNT, REGION)?.stage(arn)?.activeSessionId).toBeUndefined();
  });

  it('expired, forged and wrong-stage tokens leave no participant and no event', async () => {
    const h = harness();
    const arn = await h.createStage();
    const other = await h.createStage('other');
    const t = await h.token(arn, { duration: 1 });
    h.clock.advance(61_000);
    const expired = await h.control('POST', '/participants/join', { token: t.token });
    expect(expired).toMatchObject({ status: 401, body: { message: expect.stringMatching(/expired/) } });

    const fresh = await h.token(arn);
    const [head, body] = fresh.token.split('.');
    const forged = await h.control('POST', '/participants/join', { token: `${head}.${body}.${'A'.repeat(128)}` });
    expect(forged.status).toBe(401);
    const foreign = harness({ seed: 'another-world' });
    const foreignArn = await foreign.createStage();
    const foreignToken = await foreign.token(foreignArn);
    expect((await h.control('POST', '/participants/join', { token: foreignToken.token })).status).toBe(401);
    const wrongStage = await h.control('POST', '/participants/join', { token: fresh.token, stageArn: other });
    expect(wrongStage.status).toBe(403);
    expect((await h.control('POST', '/participants/join', { token: 'not-a-jwt' })).status).toBe(401);
    expect((await h.control('POST', '/participants/join', {})).body.message).toMatch(/token/);

    expect(h.world.backend(ACCOUNT, REGION)?.stage(arn)?.activeSessionId).toBeUndefined();
    expect((await h.call('ListStageSessions', { stageArn: arn })).stageSessions).toEqual([]);
  });

  it('the session ends once the stage has stayed empty for the idle time, and a new one starts on the next join', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn);
    await h.ok('/participants/leave', a.ref);
    await h.advance(IDLE_MS - 1000);
    expect((await h.call('GetStage', { arn })).stage.activeSessionId).toBe(a.sessionId);
    // Someone joining during the idle time keeps the session alive.
    const b = await h.participant(arn);
    expect(b.sessionId).toBe(a.sessionId);
    await h.ok('/participants/leave', b.ref);
    const leftAt = h.clock.now();
    await h.advance(IDLE_MS);
    expect((await h.call('GetStage', { arn })).stage.activeSessionId).toBeUndefined();
    const ended = (await h.call('GetStageSession', { stageArn: arn, sessionId: a.sessionId })).stageSession;
    // The session ends when the idle time ran out, not when the timer noticed.
    expect(leftAt + IDLE_MS - Date.parse(ended.endTime)).toBeGreaterThanOrEqual(0);
    expect(leftAt + IDLE_MS - Date.parse(ended.endTime)).toBeLessThan(1000);

    const rejoined = await h.ok('/participants/join', { token: a.token });
    expect(rejoined.sessionId).not.toBe(a.sessionId);
    const sessions = (await h.call('ListStageSessions', { stageArn: arn })).stageSessions;
    expect(sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([rejoined.sessionId, a.sessionId]);
    expect(sessions[0].endTime).toBeUndefined();
  });
});

describe('participant events', () => {
  it('publish, subscribe, leave and errors record the modelled events, newest first', async () => {
    const h = harness();
    const arn = await h.createStage();
    const host = await h.participant(arn, { publish: true });
    const fan = await h.participant(arn, { capabilities: ['SUBSCRIBE'] });
    await h.ok('/participants/subscribe', { ...fan.ref, remoteParticipantId: host.participantId });

    const noPublish = await h.control('POST', '/participants/publish', fan.ref);
    expect(noPublish.status).toBe(403);
    await h.ok('/participants/error', { ...fan.ref, name: 'SUBSCRIBE_ERROR', errorCode: 'QUOTA_EXCEEDED' });
    await h.ok('/participants/unpublish', host.ref);
    await h.ok('/participants/leave', fan.ref);

    const fanEvents = await h.events(arn, fan.sessionId, fan.participantId);
    expect(names(fanEvents)).toEqual(['LEFT', 'SUBSCRIBE_STOPPED', 'SUBSCRIBE_ERROR', 'PUBLISH_ERROR', 'SUBSCRIBE_STARTED', 'JOINED']);
    expect(fanEvents[1]).toMatchObject({ remoteParticipantId: host.participantId });
    expect(fanEvents[2]).toMatchObject({ errorCode: 'QUOTA_EXCEEDED', replica: false });
    expect(fanEvents[3]).toMatchObject({ errorCode: 'INSUFFICIENT_CAPABILITIES' });
    expect(fanEvents[4]).toEqual({ name: 'SUBSCRIBE_STARTED', participantId: fan.participantId, eventTime: expect.any(String), remoteParticipantId: host.participantId, replica: false });
    expect(names(await h.events(arn, host.sessionId, host.participantId))).toEqual(['PUBLISH_STOPPED', 'PUBLISH_STARTED', 'JOINED']);

    const fanNow = (await h.call('GetParticipant', { stageArn: arn, sessionId: fan.sessionId, participantId: fan.participantId })).participant;
    expect(fanNow).toMatchObject({ state: 'DISCONNECTED', published: false });
    const hostNow = (await h.call('GetParticipant', { stageArn: arn, sessionId: host.sessionId, participantId: host.participantId })).participant;
    expect(hostNow).toMatchObject({ state: 'CONNECTED', published: true });
  });

  it('subscribing to someone who is not publishing records PUBLISHER_NOT_FOUND', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn);
    const b = await h.participant(arn);
    const r = await h.control('POST', '/participants/subscribe', { ...a.ref, remoteParticipantId: b.participantId });
    expect(r.status).toBe(404);
    expect((await h.events(arn, a.sessionId, a.participantId))[0]).toMatchObject({ name: 'SUBSCRIBE_ERROR', errorCode: 'PUBLISHER_NOT_FOUND', remoteParticipantId: b.participantId });
  });

  it('a stage takes at most 12 publishers; the 13th gets QUOTA_EXCEEDED', async () => {
    const h = harness();
    const arn = await h.createStage();
    for (let i = 0; i < 12; i++) await h.participant(arn, { publish: true });
    const extra = await h.participant(arn);
    expect((await h.control('POST', '/participants/publish', extra.ref)).status).toBe(409);
    expect((await h.events(arn, extra.sessionId, extra.participantId))[0]).toMatchObject({ name: 'PUBLISH_ERROR', errorCode: 'QUOTA_EXCEEDED' });
  });

  it('error events must use a modelled name and code', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn);
    expect((await h.control('POST', '/participants/error', { ...a.ref, name: 'LEFT', errorCode: 'QUOTA_EXCEEDED' })).body.message).toMatch(/name/);
    expect((await h.control('POST', '/participants/error', { ...a.ref, name: 'JOIN_ERROR', errorCode: 'NOPE' })).body.message).toMatch(/errorCode/);
    await h.ok('/participants/error', { ...a.ref, name: 'JOIN_ERROR', errorCode: 'INTERNAL_SERVER_EXCEPTION' });
  });

  it('unknown stages, sessions and participants list nothing, and Get answers 404', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn);
    expect((await h.call('ListParticipantEvents', { stageArn: arn, sessionId: a.sessionId, participantId: 'nobody' })).events).toEqual([]);
    expect((await h.call('ListParticipants', { stageArn: arn, sessionId: 'st-0000000000000' })).participants).toEqual([]);
    await expectError(h.call('GetParticipant', { stageArn: arn, sessionId: a.sessionId, participantId: 'nobody' }), 'ResourceNotFoundException');
    await expectError(h.call('GetStageSession', { stageArn: arn, sessionId: 'st-0000000000000' }), 'ResourceNotFoundException');
  });
});

describe('DisconnectParticipant', () => {
  it('the participant leaves with a LEFT event and may re-join with its still-valid token', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn, { publish: true });
    await h.call('DisconnectParticipant', { stageArn: arn, participantId: a.participantId, reason: 'spam' });
    expect(names(await h.events(arn, a.sessionId, a.participantId))).toEqual(['LEFT', 'PUBLISH_STOPPED', 'PUBLISH_STARTED', 'JOINED']);
    expect((await h.control('POST', '/participants/publish', a.ref)).status).toBe(409);
    await expectError(h.call('DisconnectParticipant', { stageArn: arn, participantId: a.participantId }), 'ResourceNotFoundException');
    await expectError(h.call('DisconnectParticipant', { stageArn: arn, participantId: 'never_joined' }), 'ResourceNotFoundException');
    await expectError(h.call('DisconnectParticipant', { stageArn: arn, participantId: 'bad id!' }), 'ValidationException');

    const back = await h.ok('/participants/join', { token: a.token });
    expect(back).toMatchObject({ participantId: a.participantId, sessionId: a.sessionId });
    const p = (await h.call('GetParticipant', { stageArn: arn, sessionId: a.sessionId, participantId: a.participantId })).participant;
    expect(p).toMatchObject({ state: 'CONNECTED', published: true });
    expect(p.firstJoinTime).toBe(new Date(h.world.backend(ACCOUNT, REGION)?.sessions.get(a.sessionId)?.startTime ?? 0).toISOString());
  });
});

describe('ListParticipants', () => {
  it('takes one filter at most; an explicit filterByPublished counts as one', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn, { publish: true, userId: 'ana' });
    const b = await h.participant(arn, { userId: 'bo' });
    await h.ok('/participants/leave', b.ref);
    const list = (input: Record<string, unknown>) => h.call('ListParticipants', { stageArn: arn, sessionId: a.sessionId, ...input });
    const ids = async (input: Record<string, unknown>) => (await list(input)).participants.map((p: { participantId: string }) => p.participantId);

    expect(await ids({})).toEqual([a.participantId, b.participantId]);
    expect(await ids({ filterByUserId: 'bo' })).toEqual([b.participantId]);
    expect(await ids({ filterByPublished: true })).toEqual([a.participantId]);
    expect(await ids({ filterByPublished: false })).toEqual([b.participantId]);
    await expectError(list({ filterByPublished: false, filterByUserId: 'ana' }), 'ValidationException', /one filter/);
    expect(await ids({ filterByState: 'DISCONNECTED' })).toEqual([b.participantId]);
    expect(await ids({ filterByRecordingState: 'ACTIVE' })).toEqual([]);
    await expectError(list({ filterByUserId: 'ana', filterByState: 'CONNECTED' }), 'ValidationException', /one filter/);
    await expectError(list({ filterByPublished: true, filterByRecordingState: 'STOPPED' }), 'ValidationException');
    const summary = (await list({ filterByUserId: 'ana' })).participants[0];
    expect(Object.keys(summary).sort()).toEqual(['firstJoinTime', 'participantId', 'published', 'recordingState', 'redundantIngest', 'replicationType', 'state', 'userId']);
  });

  it('pages are bound to their session and filter', async () => {
    const h = harness();
    const arn = await h.createStage();
    const first = await h.participant(arn, { userId: 'u' });
    for (let i = 0; i < 4; i++) await h.participant(arn, { userId: 'u' });
    const base = { stageArn: arn, sessionId: first.sessionId, maxResults: 2 };
    const p1 = await h.call('ListParticipants', base);
    expect(p1.participants).toHaveLength(2);
    const p2 = await h.call('ListParticipants', { ...base, nextToken: p1.nextToken });
    const p3 = await h.call('ListParticipants', { ...base, nextToken: p2.nextToken });
    expect(p3.participants).toHaveLength(1);
    expect(p3.nextToken).toBeUndefined();
    await expectError(h.call('ListParticipants', { ...base, filterByUserId: 'u', nextToken: p1.nextToken }), 'ValidationException', /different request/);
    await expectError(h.call('ListParticipantEvents', { ...base, participantId: first.participantId, nextToken: p1.nextToken }), 'ValidationException');
  });

  // How fast a page is at 25,000 participants is measured by `npm run bench:emulator`, not by a timed test.
  it('walks a 25,000-participant session in pages of 100, each participant once and in join order', async () => {
    const h = harness();
    const backend = h.world.backend(ACCOUNT, REGION);
    if (!backend) throw new Error('no backend');
    const stage = backend.createStage({ name: 'crowd' });
    const session = backend.ensureSession(stage, h.clock.now());
    for (let i = 0; i < 25_000; i++) {
      backend.addParticipant(session, {
        participantId: `p${i}`, userId: `u${i}`, attributes: {}, capabilities: ['SUBSCRIBE'], state: 'CONNECTED', firstJoinTime: 0,
        published: false, publishing: false, client: {}, recordingState: 'DISABLED', replicationType: 'NONE', subscriptions: [], events: [],
      });
    }
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await h.call('ListParticipants', { stageArn: stage.arn, sessionId: session.id, maxResults: 100, ...(token ? { nextToken: token } : {}) });
      seen.push(...out.participants.map((p: { participantId: string }) => p.participantId));
      token = out.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(250);
    expect(seen).toEqual(Array.from({ length: 25_000 }, (_, i) => `p${i}`));
  });
});
