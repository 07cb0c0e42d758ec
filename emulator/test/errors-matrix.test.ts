// Every modelled error of every served operation, generated from the model's error lists: each case triggers the
// error through the real SDK over HTTP and checks the exception class, the status, the message and the request id.
import * as ivs from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ivsRealtimeModel as model } from '../src/model/generated/ivs-realtime.ts';
import { type Fixture, fixture, TRIGGERS, type Trigger, validCall } from './errors-triggers.ts';
import { startEmulator, type TestEmulator } from './support.ts';

const SERVED = Object.keys(validCall);
const PRINCIPAL = 'arn:aws:iam::123456789012:user/greenroom-local';
const ANY_STAGE = 'arn:aws:ivs:us-east-1:123456789012:stage/*';
/** The resource a denial names for each valid call: the stage it acts on, or every stage when it names none. */
const deniedResource = (operation: string, f: Fixture): string =>
  operation === 'CreateStage' || operation === 'ListStages' ? ANY_STAGE : operation === 'DeleteStage' ? f.dst : f.src;

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 600_000 });
});
afterAll(() => t.stop());
beforeEach(async () => {
  await t.control.clearFaults();
  await t.control.clearAccess();
  await t.control.setAccount({ pendingVerification: false });
});

const accessDenied = (operation: string): Trigger => ({
  how: `ivs:${operation} is denied to the caller`,
  run: async (f) => {
    await t.control.denyAccess({ deny: [`ivs:${operation}`] });
    return validCall[operation](f);
  },
});

const pending = (operation: string): Trigger => ({
  how: 'the account is pending verification',
  run: async (f) => {
    await t.control.setAccount({ pendingVerification: true });
    return validCall[operation](f);
  },
});

function triggerFor(operation: string, error: string): Trigger | undefined {
  if (error === 'AccessDeniedException') return accessDenied(operation);
  if (error === 'PendingVerification') return pending(operation);
  return TRIGGERS[operation]?.[error];
}

function statusOf(error: string): number {
  const shape = model.shapes[error];
  return shape.type === 'structure' && shape.error ? shape.error.httpStatusCode : 0;
}

type SdkError = Error & { exceptionMessage?: string; $metadata: { httpStatusCode?: number; requestId?: string } };
const classes = ivs as unknown as Record<string, new (...args: never[]) => Error>;

const cases = SERVED.flatMap((operation) => model.operations[operation].errors.map((error) => ({ operation, error, trigger: triggerFor(operation, error) })));

describe('every modelled error of every served operation', () => {
  it('covers the 18 served operations and each error their model lists', () => {
    expect(SERVED).toHaveLength(18);
    expect(cases.length).toBe(SERVED.reduce((n, op) => n + model.operations[op].errors.length, 0));
  });

  for (const { operation, error, trigger } of cases) {
    it(`${operation} answers ${error} when ${trigger?.how ?? '(no trigger defined)'}`, async () => {
      if (!trigger) throw new Error(`No trigger for ${operation} ${error}: add one to errors-triggers.ts.`);
      const f = await fixture(t);
      const outcome = await trigger.run(f).then(
        () => undefined,
        (e: unknown) => e as SdkError,
      );
      expect(outcome, 'the call should have failed').toBeDefined();
      const e = outcome as SdkError;
      expect(classes[error], `the SDK exports ${error}`).toBeTypeOf('function');
      expect(e).toBeInstanceOf(classes[error]);
      expect(e.name).toBe(error);
      expect(e.$metadata.httpStatusCode).toBe(statusOf(error));
      expect(e.exceptionMessage).toMatch(/\S/);
      expect(e.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
      if (error === 'AccessDeniedException') {
        expect(e.exceptionMessage).toBe(`User: ${PRINCIPAL} is not authorized to perform: ivs:${operation} on resource: ${deniedResource(operation, f)}`);
      }
    });
  }
});
