// Access denial (IAM's stand-in), an account pending verification and injected modelled errors, set through the
// control API: who is refused, what stays allowed, what the control API rejects, and what the request log shows.
import { AccessDeniedException, CreateStageCommand, GetStageCommand, ListStagesCommand, PendingVerification } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, staticCredentials, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(() => t.stop());
beforeEach(async () => {
  await t.control.clearAccess();
  await t.control.clearFaults();
  await t.control.setAccount({ pendingVerification: false });
});

const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected the call to fail'); }, (e: unknown) => e as Error & { exceptionMessage?: string });

describe('access denial', () => {
  it('a denial for one access key refuses that caller and lets Cognito callers through', async () => {
    const arn = (await t.ivs().send(new CreateStageCommand({ name: 'per-key' }))).stage?.arn ?? '';
    const accessKeyId = staticCredentials.accessKeyId;
    expect((await t.control.denyAccess({ deny: ['ivs:Get*'], accessKeyId })).rules).toEqual([{ deny: ['ivs:Get*'], accessKeyId }]);
    expect(await fail(t.ivs().send(new GetStageCommand({ arn })))).toBeInstanceOf(AccessDeniedException);
    const cognito = t.ivs('us-east-1', t.cognitoCredentials());
    expect((await cognito.send(new GetStageCommand({ arn }))).stage?.arn).toBe(arn);
    // An action the pattern does not cover is still allowed.
    expect((await t.ivs().send(new ListStagesCommand({}))).stages?.length).toBeGreaterThan(0);
  });

  it('names the caller, the action and every stage when the request names none', async () => {
    await t.control.denyAccess({ deny: ['ivs:ListStages'] });
    const e = await fail(t.ivs().send(new ListStagesCommand({})));
    expect(e.exceptionMessage).toBe('User: arn:aws:iam::123456789012:user/greenroom-local is not authorized to perform: ivs:ListStages on resource: arn:aws:ivs:us-east-1:123456789012:stage/*');
  });

  it('refuses a denial that names no IVS Real-Time operation', async () => {
    await expect(t.control.denyAccess({ deny: ['ivs:GetStag'] })).rejects.toThrow(/names no IVS Real-Time operation/);
    await expect(t.control.denyAccess({ deny: ['s3:GetObject'] })).rejects.toThrow(/is not an action/);
    expect((await t.control.getAccess()).rules).toEqual([]);
  });
});

describe('an account pending verification', () => {
  it('refuses the operations whose model lists PendingVerification and answers the others', async () => {
    const arn = (await t.ivs().send(new CreateStageCommand({ name: 'pending' }))).stage?.arn ?? '';
    expect(await t.control.setAccount({ pendingVerification: true })).toEqual({ pendingVerification: true });
    const e = await fail(t.ivs().send(new CreateStageCommand({ name: 'refused' })));
    expect(e).toBeInstanceOf(PendingVerification);
    expect((await t.ivs().send(new GetStageCommand({ arn }))).stage?.name).toBe('pending');
    await t.control.setAccount({ pendingVerification: false });
    expect((await t.ivs().send(new CreateStageCommand({ name: 'verified' }))).stage?.name).toBe('verified');
  });

  it('refuses a setting that is not true or false', async () => {
    await expect(t.control.setAccount({ pendingVerification: 'yes' as unknown as boolean })).rejects.toThrow(/true or false/);
  });
});

describe('injected modelled errors', () => {
  it('refuses an errorType the operation does not model, naming the ones it does', async () => {
    await expect(t.control.setFaults({ rules: [{ operation: 'GetStage', errorType: 'ConflictException' }] })).rejects.toThrow(/GetStage cannot answer ConflictException; its modelled errors are AccessDeniedException/);
    await expect(t.control.setFaults({ rules: [{ errorType: 'TeapotException' }] })).rejects.toThrow(/not an error of either service model/);
    await expect(t.control.setFaults({ rules: [{ operation: 'ListStages', errorType: 'ConflictException', errorStatus: 500 }] })).rejects.toThrow(/not both/);
  });

  it('a rule without an operation reaches only the operations that model its error', async () => {
    await t.control.setFaults({ rules: [{ errorType: 'ConflictException', failNext: 1 }] });
    await t.ivs().send(new GetStageCommand({ arn: (await t.ivs().send(new CreateStageCommand({}))).stage?.arn ?? '' })).catch(() => undefined);
    // CreateStage and GetStage do not model ConflictException, so the one failure is still waiting for ListStages.
    expect((await fail(t.ivs().send(new ListStagesCommand({})))).name).toBe('ConflictException');
    expect((await t.ivs().send(new ListStagesCommand({}))).stages).toBeDefined();
  });
});

describe('the request log', () => {
  it('shows access and pending rejections with their error type', async () => {
    const { lastSeq } = await t.control.requestLog();
    await t.control.denyAccess({ deny: ['ivs:ListStages'] });
    await fail(t.ivs().send(new ListStagesCommand({})));
    await t.control.setAccount({ pendingVerification: true });
    await fail(t.ivs().send(new CreateStageCommand({})));
    const ivsEntries = (await t.control.requestLog(lastSeq)).entries.filter((e) => e.service === 'ivs');
    expect(ivsEntries.map((e) => [e.operation, e.status, e.errorType])).toEqual([
      ['ListStages', 403, 'AccessDeniedException'],
      ['CreateStage', 403, 'PendingVerification'],
    ]);
  });
});
