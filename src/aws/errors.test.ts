import { describe, expect, it } from 'vitest';
import { AppError, isAmbiguous, toAppError } from './errors';

function sdkError(name: string, status: number, body: Record<string, unknown>, extra: Record<string, unknown> = {}): Error {
  const e = new Error(typeof body.message === 'string' ? body.message : 'UnknownError');
  Object.assign(e, { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, requestId: 'req-123' }, ...body, ...extra });
  return e;
}

describe('toAppError', () => {
  it('keeps the request id of a ValidationException and reads exceptionMessage', () => {
    const e = toAppError(sdkError('ValidationException', 400, { exceptionMessage: 'reconnectWindowSeconds must be <= 300' }));
    expect(e).toBeInstanceOf(AppError);
    expect(e.kind).toBe('validation');
    expect(e.message).toBe('reconnectWindowSeconds must be <= 300');
    expect(e.detail).toMatchObject({ requestId: 'req-123', retryable: false, code: 'ValidationException', status: 400 });
  });

  it('maps each modelled IVS error to its kind', () => {
    expect(toAppError(sdkError('ResourceNotFoundException', 404, {})).kind).toBe('not-found');
    expect(toAppError(sdkError('ConflictException', 409, {})).kind).toBe('conflict');
    expect(toAppError(sdkError('ServiceQuotaExceededException', 402, {})).kind).toBe('quota');
    expect(toAppError(sdkError('PendingVerification', 403, {})).kind).toBe('access-denied');
    expect(toAppError(sdkError('AccessDeniedException', 403, {})).kind).toBe('access-denied');
    expect(toAppError(sdkError('ExpiredTokenException', 403, {})).kind).toBe('auth-expired');
  });

  it('treats throttling and server faults as retryable', () => {
    const t = toAppError(sdkError('ThrottlingException', 429, { message: 'Rate exceeded' }));
    expect(t).toMatchObject({ kind: 'throttled', message: 'Rate exceeded', detail: { retryable: true } });
    const s = toAppError(sdkError('InternalServerException', 500, {}));
    expect(s.kind).toBe('server');
    expect(s.detail.retryable).toBe(true);
  });

  it('falls back to the status when the error has no known name', () => {
    expect(toAppError(sdkError('Unknown', 404, {})).kind).toBe('not-found');
    expect(toAppError(sdkError('Unknown', 503, {})).kind).toBe('server');
  });

  it('uses the raw body text when the message is UnknownError and the body was not JSON', () => {
    const e = toAppError(sdkError('Unknown', 502, {}, { $responseBodyText: '<html>Bad gateway</html>' }));
    expect(e.message).toBe('<html>Bad gateway</html>');
  });

  it('writes a plain sentence when the service sent no text', () => {
    const e = toAppError(sdkError('ConflictException', 409, {}));
    expect(e.message).toMatch(/state that does not allow/);
  });

  it('turns a failed fetch into a retryable network error with advice', () => {
    const e = toAppError(new TypeError('Failed to fetch'));
    expect(e.kind).toBe('network');
    expect(e.detail.retryable).toBe(true);
    expect(e.message).toMatch(/config\.json/);
  });

  it('explains a failed fetch the SDK has annotated (no HTTP status) instead of showing the browser text', () => {
    const raw = Object.assign(new TypeError('Failed to fetch'), { $metadata: { attempts: 3 } });
    const e = toAppError(raw);
    expect(e.kind).toBe('network');
    expect(e.message).not.toMatch(/Failed to fetch/);
    expect(e.message).toMatch(/Could not reach the service/);
    expect(e.detail.attempts).toBe(3);
  });

  it('passes an AppError through unchanged', () => {
    const a = new AppError('quota', 'x', { retryable: false });
    expect(toAppError(a)).toBe(a);
  });
});

describe('unclear outcomes', () => {
  it('explains a response that could not be parsed instead of showing parser text', () => {
    const e = Object.assign(new SyntaxError('Unexpected token < in JSON at position 0\n  Deserialization error: to see the raw response…'), {
      $metadata: { httpStatusCode: 200, requestId: 'req-9', attempts: 1 },
    });
    const a = toAppError(e);
    expect(a.kind).toBe('server');
    expect(a.message).toMatch(/could not read \(HTTP 200\)/);
    expect(a.detail).toMatchObject({ code: 'MalformedResponse', requestId: 'req-9', retryable: true });
    expect(isAmbiguous(a)).toBe(true);
  });

  it('treats 5xx and network failures, and anything after an SDK retry, as possibly carried out', () => {
    expect(isAmbiguous(toAppError(sdkError('InternalServerException', 500, {})))).toBe(true);
    expect(isAmbiguous(new AppError('network', 'offline', { retryable: true }))).toBe(true);
    expect(isAmbiguous(toAppError(sdkError('ConflictException', 409, {}, { $metadata: { httpStatusCode: 409, attempts: 1 } })))).toBe(false);
    expect(isAmbiguous(toAppError(sdkError('ConflictException', 409, {}, { $metadata: { httpStatusCode: 409, attempts: 2 } })))).toBe(true);
    expect(isAmbiguous(toAppError(sdkError('ThrottlingException', 429, {}, { $metadata: { httpStatusCode: 429, attempts: 3 } })))).toBe(true);
    expect(isAmbiguous(toAppError(sdkError('ValidationException', 400, {})))).toBe(false);
  });
});
