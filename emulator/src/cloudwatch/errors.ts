// CloudWatch's errors: one code for the query protocol (and the x-amzn-query-error header), one type name for
// the JSON body. Modelled errors take both, and the status, from the generated table.
import { cloudwatchModel } from '../model/generated/cloudwatch.ts';

export class CloudWatchError extends Error {
  /** The awsQuery code, e.g. InvalidParameterValue. */
  readonly code: string;
  /** The JSON `__type`, namespace included. */
  readonly type: string;
  readonly status: number;
  readonly fault: 'Sender' | 'Receiver';

  constructor(code: string, type: string, status: number, message: string, fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender') {
    super(message);
    this.name = code;
    this.code = code;
    this.type = type;
    this.status = status;
    this.fault = fault;
  }
}

/** The namespace real CloudWatch puts on modelled JSON error types. */
const MODEL_NS = 'com.amazonaws.cloudwatch.v2010_08_01#';

export function modelled(shape: string, message: string): CloudWatchError {
  const s = cloudwatchModel.shapes[shape];
  if (!s || s.type !== 'structure' || !s.error) throw new Error(`The CloudWatch model has no error shape ${shape}.`);
  return new CloudWatchError(s.error.code ?? shape, MODEL_NS + shape, s.error.httpStatusCode, message, s.error.senderFault ? 'Sender' : 'Receiver');
}

export const invalidParameter = (message: string) => modelled('InvalidParameterValueException', message);
export const invalidCombination = (message: string) => modelled('InvalidParameterCombinationException', message);
export const missingParameter = (message: string) => modelled('MissingRequiredParameterException', message);
export const invalidNextToken = (message: string) => modelled('InvalidNextToken', message);

/** Constraint violations found by the service's request validation (AWS: awsQuery ValidationError). */
export const validationError = (message: string) => new CloudWatchError('ValidationError', 'com.amazon.coral.validate#ValidationException', 400, message);

/** An Action or X-Amz-Target that names no operation this endpoint serves. */
export const invalidAction = (message: string) => new CloudWatchError('InvalidAction', 'com.amazon.coral.service#UnknownOperationException', 400, message);

export const accessDenied = (message: string) => new CloudWatchError('AccessDenied', 'com.amazon.coral.service#AccessDeniedException', 403, message);

/**
 * The SigV4 verifier's refusals, renamed as the query-protocol services spell them (the JSON type keeps the
 * name the SDKs and the app already know, e.g. ExpiredTokenException).
 */
const AUTH_CODES: Record<string, string> = {
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
  UnrecognizedClientException: 'InvalidClientTokenId',
  InvalidSignatureException: 'SignatureDoesNotMatch',
  ExpiredTokenException: 'ExpiredToken',
  IncompleteSignatureException: 'IncompleteSignature',
};

export function authError(code: string, status: number, message: string): CloudWatchError {
  return new CloudWatchError(AUTH_CODES[code] ?? code, `com.amazon.coral.service#${code}`, status, message);
}
