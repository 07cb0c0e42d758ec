import { describe, expect, it } from 'vitest';
import { toEvent, toParticipant, toSession, toStage } from './normalize';

describe('normalisation', () => {
  it('turns dates into ISO strings and leaves absent members out', () => {
    const s = toSession({ sessionId: 'st-a1b2c3d4e5f6g', startTime: new Date('2026-11-23T12:00:00Z') });
    expect(s).toEqual({ sessionId: 'st-a1b2c3d4e5f6g', startTime: '2026-11-23T12:00:00.000Z' });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('defaults replicationType to NONE and published to false, with no $metadata', () => {
    const p = toParticipant({ participantId: 'abc', state: 'CONNECTED', firstJoinTime: new Date(0) });
    expect(p).toEqual({
      participantId: 'abc',
      state: 'CONNECTED',
      firstJoinTime: '1970-01-01T00:00:00.000Z',
      published: false,
      replicationType: 'NONE',
      attributes: {},
    });
  });

  it('drops an empty activeSessionId so "no live session" has one spelling', () => {
    const s = toStage({ arn: 'arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh', name: 'a', activeSessionId: '' });
    expect(s).not.toHaveProperty('activeSessionId');
    expect(s.tags).toEqual({});
    expect(s.endpoints).toEqual({});
  });

  it('produces equal JSON for equal events, so structural sharing keeps rows stable', () => {
    const raw = { name: 'PUBLISH_ERROR' as const, errorCode: 'BITRATE_EXCEEDED' as const, eventTime: new Date(5) };
    expect(toEvent(raw)).toEqual(toEvent({ ...raw, eventTime: new Date(5) }));
    expect(toEvent(raw).replica).toBe(false);
  });
});
