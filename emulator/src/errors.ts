// Errors as they travel on the wire. Operation code throws ServiceError; the server serialises it.

/**
 * How the error body is written:
 * - 'modelled': an IVS error shape from the model. Body `{"exceptionMessage": …}` only, as the model says; the
 *   real service may add `message` too, but with the model's body the SDK reports `message` as "UnknownError",
 *   which is the case the app must handle (it shows `exceptionMessage`).
 * - 'gateway': auth and gateway errors that are not in the model (MissingAuthenticationToken, InvalidSignature…):
 *   body `{"message": …}`, as AWS's front door sends them.
 * - 'json11': Cognito Identity (awsJson1_1): body `{"__type": Name, "message": …}`.
 */
export type ErrorStyle = 'modelled' | 'gateway' | 'json11';

export class ServiceError extends Error {
  readonly code: string;
  readonly status: number;
  readonly style: ErrorStyle;
  /** Extra response headers (e.g. Retry-After on throttling). */
  readonly headers: Record<string, string>;

  constructor(code: string, status: number, message: string, style: ErrorStyle = 'modelled', headers: Record<string, string> = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.style = style;
    this.headers = headers;
  }
}

// Modelled IVS errors (status from the model's error shapes; see model/generated/ivs-realtime.ts).
export const validation = (message: string) => new ServiceError('ValidationException', 400, message);
export const notFound = (message: string) => new ServiceError('ResourceNotFoundException', 404, message);
export const conflict = (message: string) => new ServiceError('ConflictException', 409, message);
export const accessDenied = (message: string) => new ServiceError('AccessDeniedException', 403, message);
export const quotaExceeded = (message: string) => new ServiceError('ServiceQuotaExceededException', 402, message);
export const internal = (message: string) => new ServiceError('InternalServerException', 500, message);

export function errorBody(e: ServiceError): Record<string, string> {
  if (e.style === 'modelled') return { exceptionMessage: e.message };
  if (e.style === 'json11') return { __type: e.code, message: e.message };
  return { message: e.message };
}
