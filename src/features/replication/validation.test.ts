import { describe, expect, it } from 'vitest';
import { AppError } from '../../aws/errors';
import { fieldOfServerError, validateReplication, type ReplicationForm } from './validation';

const src = 'arn:aws:ivs:us-east-1:123456789012:stage/srcSTAGE0001';
const dst = 'arn:aws:ivs:us-east-1:123456789012:stage/dstSTAGE0001';
const ok: ReplicationForm = { sourceStageArn: src, destinationStageArn: dst, participantId: 'AbCd-123', reconnectWindowSeconds: '0', attributes: [] };

describe('validateReplication', () => {
  it('accepts a complete form with the default window of 0', () => {
    expect(validateReplication(ok, 'us-east-1')).toEqual({});
  });

  it('bounds the reconnect window to 0–300 whole seconds', () => {
    expect(validateReplication({ ...ok, reconnectWindowSeconds: '300' }, 'us-east-1')).toEqual({});
    for (const bad of ['301', '-1', '1.5', '', 'abc']) {
      expect(validateReplication({ ...ok, reconnectWindowSeconds: bad }, 'us-east-1').reconnectWindowSeconds).toMatch(/0 to 300/);
    }
  });

  it('counts attribute bytes in UTF-8 against 1024', () => {
    const fits = [{ key: 'k', value: 'é'.repeat(511) }]; // 1 + 1022 bytes
    expect(validateReplication({ ...ok, attributes: fits }, 'us-east-1')).toEqual({});
    const over = [{ key: 'k', value: 'é'.repeat(512) }]; // 1 + 1024 bytes
    expect(validateReplication({ ...ok, attributes: over }, 'us-east-1').attributes).toMatch(/1025 bytes/);
  });

  it('requires distinct stages in the same region and a valid participant id', () => {
    const e = validateReplication({ ...ok, destinationStageArn: src, participantId: 'bad_id' }, 'us-east-1');
    expect(e.destinationStageArn).toMatch(/different stage/);
    expect(e.participantId).toMatch(/letters, digits or hyphens/);
    const r = validateReplication({ ...ok, destinationStageArn: dst.replace('us-east-1', 'us-west-2') }, 'us-east-1');
    expect(r.destinationStageArn).toMatch(/us-west-2/);
  });

  it('rejects empty or duplicate attribute keys', () => {
    expect(validateReplication({ ...ok, attributes: [{ key: '', value: 'x' }] }, 'us-east-1').attributes).toMatch(/needs a key/);
    const dup = [{ key: 'a', value: '1' }, { key: 'a', value: '2' }];
    expect(validateReplication({ ...ok, attributes: dup }, 'us-east-1').attributes).toMatch(/only once/);
  });
});

describe('fieldOfServerError', () => {
  it('puts a server validation error on the field it names', () => {
    const e = new AppError('validation', 'participant is not publishing', { retryable: false });
    expect(fieldOfServerError(e)).toBe('participantId');
    expect(fieldOfServerError(new AppError('validation', 'reconnectWindowSeconds out of range', { retryable: false }))).toBe('reconnectWindowSeconds');
    expect(fieldOfServerError(new AppError('server', 'participant boom', { retryable: true }))).toBeUndefined();
  });

  it('tells the two stages apart by the ARN the message names', () => {
    const full = new AppError('conflict', `Stage ${dst} already has a participant AbCd-123.`, { retryable: false });
    expect(fieldOfServerError(full, ok)).toBe('destinationStageArn');
    const notPub = new AppError('validation', `Participant AbCd-123 is not publishing in the live session of stage ${src}.`, { retryable: false });
    expect(fieldOfServerError(notPub, ok)).toBe('participantId');
    expect(fieldOfServerError(new AppError('not-found', `Stage ${src} was not found.`, { retryable: false }), ok)).toBe('sourceStageArn');
  });
});
