// The standing of the emulated account, set through the control API. An account pending verification is refused
// by every operation whose model lists PendingVerification among its errors; the others still answer.
import { ivsRealtimeModel as model } from '../model/generated/ivs-realtime.ts';
import { ServiceError } from '../errors.ts';

export type AccountState = { pendingVerification: boolean };

const PENDING = 'PendingVerification';

/** Operations that can answer PendingVerification, read from the model (never hand-typed). */
const REFUSED_WHEN_PENDING = new Set(Object.values(model.operations).filter((op) => op.errors.includes(PENDING)).map((op) => op.name));

function pendingStatus(): number {
  const shape = model.shapes[PENDING];
  return shape?.type === 'structure' && shape.error ? shape.error.httpStatusCode : 403;
}

export class AccountStatus {
  private pending = false;

  set(state: AccountState): void {
    if (typeof state.pendingVerification !== 'boolean') throw new RangeError('pendingVerification must be true or false.');
    this.pending = state.pendingVerification;
  }

  get(): AccountState {
    return { pendingVerification: this.pending };
  }

  /** Throws PendingVerification when the account is pending and the operation is one that checks it. */
  check(operation: string, accountId: string): void {
    if (!this.pending || !REFUSED_WHEN_PENDING.has(operation)) return;
    throw new ServiceError(PENDING, pendingStatus(), `Account ${accountId} is pending verification; ${operation} is unavailable until it is verified.`);
  }
}
