// Injected modelled errors (FaultRule.errorType): which operation may answer which error, and its status, come
// from the generated models, so a test can only drive an error class the real service could send.
import { cognitoError } from '../cognito/errors.ts';
import { cognitoIdentityModel } from '../model/generated/cognito-identity.ts';
import { ivsRealtimeModel } from '../model/generated/ivs-realtime.ts';
import type { ServiceModel } from '../model/types.ts';
import { ServiceError } from '../errors.ts';

const MODELS: ServiceModel[] = [ivsRealtimeModel, cognitoIdentityModel];

function operationOf(name: string) {
  for (const m of MODELS) if (Object.hasOwn(m.operations, name)) return { model: m, operation: m.operations[name] };
  return undefined;
}

function isErrorShape(model: ServiceModel, name: string): boolean {
  const shape = Object.hasOwn(model.shapes, name) ? model.shapes[name] : undefined;
  return shape?.type === 'structure' && shape.error !== undefined;
}

/** True when the model lists `errorType` among the errors of `operation`. */
export function listsError(operation: string, errorType: string): boolean {
  return operationOf(operation)?.operation.errors.includes(errorType) ?? false;
}

/** Throws RangeError (a 400 from the control API) for an errorType the rule's operation cannot answer. */
export function checkErrorType(errorType: unknown, operation: string | undefined): void {
  if (typeof errorType !== 'string' || errorType === '') throw new RangeError('errorType must be the name of a modelled error.');
  if (operation === undefined) {
    if (!MODELS.some((m) => isErrorShape(m, errorType))) throw new RangeError(`errorType ${errorType} is not an error of either service model.`);
    return;
  }
  const found = operationOf(operation);
  if (!found) throw new RangeError(`operation ${operation} is not in the IVS Real-Time or Cognito Identity model.`);
  if (!found.operation.errors.includes(errorType)) {
    throw new RangeError(`${operation} cannot answer ${errorType}; its modelled errors are ${found.operation.errors.join(', ')}.`);
  }
}

/** The injected error, with the status of its error shape and the body style of its protocol. */
export function modelledError(operation: string, errorType: string, style: 'modelled' | 'json11'): ServiceError {
  const message = `${operation} failed with an injected ${errorType}.`;
  if (style === 'json11') return cognitoError(errorType, message);
  const shape = ivsRealtimeModel.shapes[errorType];
  const status = shape?.type === 'structure' && shape.error ? shape.error.httpStatusCode : 500;
  return new ServiceError(errorType, status, message);
}
