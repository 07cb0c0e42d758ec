// Cognito Identity errors (awsJson1_1): body {"__type", "message"}, status from the generated table.
import { cognitoIdentityModel as model } from '../model/generated/cognito-identity.ts';
import { ServiceError } from '../errors.ts';

/**
 * botocore's Cognito Identity model carries no HTTP status, so the generated table holds 400 for every error shape.
 * The Smithy model says 403 for NotAuthorized and 404 for ResourceNotFound, but live responses have been seen with
 * 400, and awsJson clients pick the exception class from `__type`, not the status. We keep the table's 400.
 */
export function cognitoError(code: string, message: string): ServiceError {
  const shape = Object.hasOwn(model.shapes, code) ? model.shapes[code] : undefined;
  const status = shape?.type === 'structure' && shape.error ? shape.error.httpStatusCode : 400;
  return new ServiceError(code, status, message, 'json11');
}

export const notAuthorized = (message: string) => cognitoError('NotAuthorizedException', message);
export const resourceNotFound = (message: string) => cognitoError('ResourceNotFoundException', message);
export const invalidParameter = (message: string) => cognitoError('InvalidParameterException', message);
// Not modelled: awsJson services answer a JSON value of the wrong type with SerializationException (400).
export const serialization = (message: string) => cognitoError('SerializationException', message);
