// Participants, tokens and events through the real SDK over HTTP.
import {
  CreateStageCommand,
  DisconnectParticipantCommand,
  GetParticipantCommand,
  ListParticipantEventsCommand,
  ListParticipantsCommand,
  ResourceNotFoundException,
  ValidationException,
  CreateParticipantTokenCommand,
} from '@aws-sdk/client-ivs-realtime';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinStage } from './participants-support.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
let stageArn = '';
beforeAll(async () => {
  t = await startEmulator();
  const { stage } = await t.ivs().send(new CreateStageCommand({ name: 'participants' }));
  stageArn = stage?.arn ?? '';
});
afterAll(() => t.stop());

const fail = <T>(p: Promise<T>) => p.then(() => { throw new Error('expected the call to fail'); }, (e: unknown) => e as Error & { exceptionMessage?: string });

describe('participant tokens', () => {
  it('issues a signed JWT with the participant id, user id, attributes, capabilities and expiry', async () => {
    const { participantToken: tok } = await t.ivs().send(new CreateParticipantTokenCommand({ stageArn, userId: 'jwt-user', attributes: { seat: '12' }, duration: 60 }));
    expect(tok?.participantId).toMatch(/^[a-zA-Z0-9]{12}$/);
    expect(tok?.duration).toBe(60);
    expect(tok?.capabilities?.sort()).toEqual(['PUBLISH', 'SUBSCRIBE']);
    expect(tok?.expirationTime).toBeInstanceOf(Date);
    const header = decodeProtectedHeader(tok?.token ?? '');
    expect(header.alg).toBe('ES384');
    const claims = decodeJwt(tok?.token ?? '');
    expect(claims.resource).toBe(stageArn);
    expect(claims.jti).toBe(tok?.participantId);
    expect(claims.user_id).toBe('jwt-user');
    expect(claims.attributes).toEqual({ seat: '12' });
    expect(claims.capabilities).toMatchObject({ allow_publish: true, allow_subscribe: true });
  });

  it('refuses an expired token at join, leaving no participant behind', async () => {
    const { participantToken: tok } = await t.ivs().send(new CreateParticipantTokenCommand({ stageArn, duration: 1 }));
    await t.control.advanceClock(2 * 60_000);
    await expect(t.control.join({ token: tok?.token ?? '' })).rejects.toThrow(/expired/i);
  });
});

describe('participants and their events', () => {
  it('shows what the client reported, and its events in order with error codes', async () => {
    const p = await joinStage(t, stageArn, { userId: 'support-case-1', attributes: { plan: 'pro' }, publish: true });
    await t.control.emitError({ stageArn, participantId: p.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });
    const key = { stageArn, sessionId: p.sessionId, participantId: p.participantId };
    const { participant } = await t.ivs().send(new GetParticipantCommand(key));
    expect(participant).toMatchObject({
      participantId: p.participantId, userId: 'support-case-1', state: 'CONNECTED', published: true,
      attributes: { plan: 'pro' }, osName: 'macOS', browserName: 'Chrome', sdkVersion: '1.21.0', ispName: 'Example ISP', protocol: 'WHIP',
      replicationType: 'NONE',
    });
    expect(participant?.firstJoinTime).toBeInstanceOf(Date);
    const { events } = await t.ivs().send(new ListParticipantEventsCommand(key));
    const names = (events ?? []).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['JOINED', 'PUBLISH_STARTED', 'PUBLISH_ERROR']));
    expect(events?.find((e) => e.name === 'PUBLISH_ERROR')?.errorCode).toBe('BITRATE_EXCEEDED');
  });

  it('publishing without the PUBLISH capability is refused with an INSUFFICIENT_CAPABILITIES event', async () => {
    const p = await joinStage(t, stageArn, { capabilities: ['SUBSCRIBE'] });
    await expect(t.control.publish({ stageArn, participantId: p.participantId })).rejects.toThrow();
    const { events } = await t.ivs().send(new ListParticipantEventsCommand({ stageArn, sessionId: p.sessionId, participantId: p.participantId }));
    expect(events?.find((e) => e.name === 'PUBLISH_ERROR')?.errorCode).toBe('INSUFFICIENT_CAPABILITIES');
  });

  it('filters participants by one filter at a time and refuses two', async () => {
    const a = await joinStage(t, stageArn, { userId: 'filter-me', publish: true });
    const byUser = await t.ivs().send(new ListParticipantsCommand({ stageArn, sessionId: a.sessionId, filterByUserId: 'filter-me' }));
    expect(byUser.participants?.map((x) => x.participantId)).toEqual([a.participantId]);
    const published = await t.ivs().send(new ListParticipantsCommand({ stageArn, sessionId: a.sessionId, filterByPublished: true }));
    expect(published.participants?.every((x) => x.published)).toBe(true);
    const two = await fail(t.ivs().send(new ListParticipantsCommand({ stageArn, sessionId: a.sessionId, filterByUserId: 'x', filterByState: 'CONNECTED' })));
    expect(two).toBeInstanceOf(ValidationException);
  });

  it('pages participants across pages and rejects a token from another session filter', async () => {
    const { stage } = await t.ivs().send(new CreateStageCommand({ name: 'crowd' }));
    const crowdArn = stage?.arn ?? '';
    let sessionId = '';
    for (let i = 0; i < 7; i++) sessionId = (await joinStage(t, crowdArn, { userId: `c${i}` })).sessionId;
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const out = await t.ivs().send(new ListParticipantsCommand({ stageArn: crowdArn, sessionId, maxResults: 3, nextToken: token }));
      ids.push(...(out.participants ?? []).map((x) => x.userId ?? ''));
      token = out.nextToken;
    } while (token);
    expect(ids).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    const first = await t.ivs().send(new ListParticipantsCommand({ stageArn: crowdArn, sessionId, maxResults: 3 }));
    const other = await fail(t.ivs().send(new ListParticipantsCommand({ stageArn: crowdArn, sessionId, maxResults: 3, filterByState: 'CONNECTED', nextToken: first.nextToken })));
    expect(other).toBeInstanceOf(ValidationException);
  });

  it('disconnects a participant with a reason; it shows as DISCONNECTED with a LEFT event', async () => {
    const p = await joinStage(t, stageArn, { userId: 'to-kick' });
    await t.ivs().send(new DisconnectParticipantCommand({ stageArn, participantId: p.participantId, reason: 'abuse report' }));
    const key = { stageArn, sessionId: p.sessionId, participantId: p.participantId };
    expect((await t.ivs().send(new GetParticipantCommand(key))).participant?.state).toBe('DISCONNECTED');
    const { events } = await t.ivs().send(new ListParticipantEventsCommand(key));
    expect(events?.map((e) => e.name)).toContain('LEFT');
    const unknown = await fail(t.ivs().send(new DisconnectParticipantCommand({ stageArn, participantId: 'nobodyhere12' })));
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });
});
