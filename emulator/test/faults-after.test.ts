// Faults injected after an operation has run (`after: true`): the write stands, the caller gets the failure. This is
// how tests reach an answer lost on the way back, the case a client must check before it sends a write again.
import { CreateStageCommand, InternalServerException, ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.control.clearFaults());

async function stagesNamed(name: string): Promise<number> {
  const out = await t.ivs().send(new ListStagesCommand({ maxResults: 100 }));
  return (out.stages ?? []).filter((s) => s.name === name).length;
}

describe('faults after the operation', () => {
  it('a CreateStage answered with an injected 500 after it ran has still created the stage', async () => {
    await t.control.setFaults({ rules: [{ operation: 'CreateStage', after: true, failNext: 1 }] });
    await expect(t.ivs().send(new CreateStageCommand({ name: 'lost-answer' }))).rejects.toBeInstanceOf(InternalServerException);
    expect(await stagesNamed('lost-answer')).toBe(1);
    // The rule is used up: the next create succeeds and makes a second stage, as AWS would.
    await t.ivs().send(new CreateStageCommand({ name: 'lost-answer' }));
    expect(await stagesNamed('lost-answer')).toBe(2);
  });

  it('a fault before the operation (the default) leaves nothing behind', async () => {
    await t.control.setFaults({ rules: [{ operation: 'CreateStage', failNext: 1, errorStatus: 503 }] });
    await expect(t.ivs().send(new CreateStageCommand({ name: 'refused-first' }))).rejects.toMatchObject({ name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } });
    expect(await stagesNamed('refused-first')).toBe(0);
  });

  it('an after rule leaves reads and other operations alone and is listed as set', async () => {
    const { rules } = await t.control.setFaults({ rules: [{ operation: 'CreateStage', after: true, failNext: 2 }] });
    expect(rules).toEqual([{ operation: 'CreateStage', after: true, failNext: 2 }]);
    await expect(t.ivs().send(new ListStagesCommand({}))).resolves.toBeDefined();
  });

  it('the control API refuses an after rule with latency, or an after that is not a boolean', async () => {
    await expect(t.control.setFaults({ rules: [{ operation: 'CreateStage', after: true, latencyMs: 100 }] })).rejects.toThrow(/latencyMs applies before/);
    await expect(t.control.setFaults({ rules: [{ operation: 'CreateStage', after: 'yes' as unknown as boolean }] })).rejects.toThrow(/after must be true or false/);
  });
});
