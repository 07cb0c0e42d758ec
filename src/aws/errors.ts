// The one error type of the app. toAppError is the only place that converts SDK and network failures.

export type AppErrorKind =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'throttled'
  | 'access-denied'
  | 'quota'
  | 'server'
  | 'network'
  | 'auth-expired';

export type AppErrorDetail = {
  requestId?: string;
  retryable: boolean;
  field?: string;
  code?: string;
  status?: number;
  /** The IVS operation that failed (e.g. "StartParticipantReplication"), when known. */
  operation?: string;
  /** How many HTTP attempts the SDK made (more than 1: an earlier attempt may have reached the service). */
  attempts?: number;
  /**
   * For a mutation whose outcome was unclear: what checking the real state found. 'not-applied': it did not
   * happen, so trying again is safe; 'unknown': the check failed too, so the state is still unknown.
   */
  verified?: 'not-applied' | 'unknown';
};

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly detail: AppErrorDetail;
  constructor(kind: AppErrorKind, message: string, detail: AppErrorDetail) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.detail = detail;
  }
}

const KIND_BY_CODE: Record<string, AppErrorKind> = {
  ValidationException: 'validation',
  ResourceNotFoundException: 'not-found',
  ConflictException: 'conflict',
  ServiceQuotaExceededException: 'quota',
  AccessDeniedException: 'access-denied',
  PendingVerification: 'access-denied',
  // Cognito Identity refusing the ID token (expired, revoked, wrong pool): the session has to be renewed.
  NotAuthorizedException: 'auth-expired',
  ThrottlingException: 'throttled',
  TooManyRequestsException: 'throttled',
  LimitExceededException: 'throttled',
  InternalServerException: 'server',
  InternalErrorException: 'server',
  ServiceUnavailableException: 'server',
  ExpiredTokenException: 'auth-expired',
  UnrecognizedClientException: 'auth-expired',
  InvalidSignatureException: 'auth-expired',
  MissingAuthenticationTokenException: 'auth-expired',
  IncompleteSignatureException: 'auth-expired',
  // CloudWatch (the metric charts) names its errors after its older query protocol.
  InvalidParameterValueException: 'validation',
  InvalidParameterCombinationException: 'validation',
  MissingRequiredParameterException: 'validation',
  InvalidNextToken: 'validation',
  Throttling: 'throttled',
  InternalServiceFault: 'server',
  AccessDenied: 'access-denied',
};

const KIND_BY_STATUS: Record<number, AppErrorKind> = {
  400: 'validation',
  401: 'auth-expired',
  402: 'quota',
  403: 'access-denied',
  404: 'not-found',
  409: 'conflict',
  429: 'throttled',
};

/** Used when the service sent no text of its own. */
const FALLBACK_TEXT: Record<AppErrorKind, string> = {
  validation: 'IVS rejected the request as invalid.',
  'not-found': 'IVS could not find this resource. It may have been deleted.',
  conflict: 'The resource is in a state that does not allow this change.',
  throttled: 'IVS is limiting the request rate for this account. Wait a moment and retry.',
  'access-denied': 'Your role is not allowed to do this.',
  quota: 'A service quota for this account would be exceeded.',
  server: 'IVS had an internal problem. Retry in a moment.',
  network: 'Could not reach the service. Check your network connection and the endpoints in config.json.',
  'auth-expired': 'Your session or AWS credentials have expired. Sign in again to continue.',
};

const RETRYABLE: ReadonlySet<AppErrorKind> = new Set(['throttled', 'server', 'network']);

type SdkLikeError = {
  name?: unknown;
  message?: unknown;
  exceptionMessage?: unknown;
  $fault?: unknown;
  $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $responseBodyText?: unknown;
};

function isSdkError(e: unknown): e is SdkLikeError {
  return typeof e === 'object' && e !== null && '$metadata' in e && typeof e.$metadata === 'object' && e.$metadata !== null;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && v !== 'UnknownError' ? v.trim() : undefined;
}

function fromBodyText(body: unknown): string | undefined {
  const raw = text(body);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null) {
      const p = parsed as Record<string, unknown>;
      return text(p.exceptionMessage) ?? text(p.message) ?? text(p.Message);
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): show a short slice of it as it is.
  }
  return raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
}

function isNetworkFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return (
    e.name === 'TypeError' ||
    e.name === 'NetworkError' ||
    e.name === 'TimeoutError' ||
    /failed to fetch|network|load failed/i.test(e.message)
  );
}

export const MALFORMED_RESPONSE = 'MalformedResponse';

/**
 * A response the SDK could not parse (HTML from a proxy, a cut-off body, invalid JSON): the SDK adds $metadata and
 * a "Deserialization error" hint to the parser's error. On a 2xx the request probably succeeded.
 */
function isMalformedResponse(e: SdkLikeError): boolean {
  const status = e.$metadata.httpStatusCode;
  const message = typeof e.message === 'string' ? e.message : '';
  return e.name === 'SyntaxError' || /Deserialization error/.test(message) || (status !== undefined && status >= 200 && status < 300);
}

/** Turns anything thrown by the SDK, fetch or our own code into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isSdkError(e) && isMalformedResponse(e)) {
    const status = e.$metadata.httpStatusCode;
    return new AppError('server', `IVS sent a response Greenroom could not read${status ? ` (HTTP ${status})` : ''}. A proxy or network problem may be in the way; retry in a moment.`, {
      requestId: e.$metadata.requestId,
      retryable: true,
      code: MALFORMED_RESPONSE,
      status,
      attempts: e.$metadata.attempts,
    });
  }
  if (isSdkError(e) && e.$metadata.httpStatusCode === undefined && isNetworkFailure(e)) {
    // No answer at all ("Failed to fetch"): the SDK adds its metadata to the browser's error, whose own text
    // means nothing to a producer.
    return new AppError('network', FALLBACK_TEXT.network, { retryable: true, attempts: e.$metadata.attempts });
  }
  if (isSdkError(e)) {
    const code = typeof e.name === 'string' ? e.name : undefined;
    const status = e.$metadata.httpStatusCode;
    const kind: AppErrorKind =
      (code && KIND_BY_CODE[code]) ||
      (status && KIND_BY_STATUS[status]) ||
      (e.$fault === 'server' || (status !== undefined && status >= 500) ? 'server' : undefined) ||
      (status === undefined ? 'network' : 'server');
    const message = text(e.exceptionMessage) ?? text(e.message) ?? fromBodyText(e.$responseBodyText) ?? FALLBACK_TEXT[kind];
    return new AppError(kind, message, {
      requestId: e.$metadata.requestId,
      retryable: RETRYABLE.has(kind),
      code,
      status,
      attempts: e.$metadata.attempts,
    });
  }
  if (isNetworkFailure(e)) return new AppError('network', FALLBACK_TEXT.network, { retryable: true });
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('server', message || FALLBACK_TEXT.server, { retryable: false });
}

/**
 * A failed mutation whose effect is unknown: the request may have reached IVS and been carried out even though no
 * answer came back (timeout, network failure, 5xx, an unreadable response), or the SDK retried it after such a
 * failure (then any final error, even throttling or a Conflict, may hide an earlier attempt that worked).
 * Such a mutation must be checked against the real state, never simply sent again.
 */
export function isAmbiguous(error: AppError): boolean {
  if (error.kind === 'server' || error.kind === 'network') return true;
  return (error.detail.attempts ?? 1) > 1 && error.kind !== 'auth-expired' && error.kind !== 'access-denied';
}
