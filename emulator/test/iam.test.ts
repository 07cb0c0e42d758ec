// Role policies as IAM enforces them: the files in iam/ decide what each role's credentials may call, with IAM's
// AccessDenied message; the static key stays the admin principal.
import { readFileSync } from 'node:fs';
import {
  AccessDeniedException, CreateParticipantTokenCommand, CreateStageCommand, DeleteStageCommand, DisconnectParticipantCommand, GetParticipantCommand,
  GetStageCommand, GetStageSessionCommand, ListParticipantEventsCommand, ListParticipantReplicasCommand, ListParticipantsCommand,
  ListStageSessionsCommand, ListStagesCommand, ListTagsForResourceCommand, StartCompositionCommand, StartParticipantReplicationCommand,
  StopParticipantReplicationCommand, TagResourceCommand, UntagResourceCommand, UpdateStageCommand, CreateEncoderConfigurationCommand,
  DeleteStorageConfigurationCommand,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, IAM_DIR, loadPolicy, parsePolicy, resourcesOf, ROLE_POLICY_FILES, RolePolicies, unreadableResource } from '../src/iam/policy.ts';
import { ivsRealtimeModel } from '../src/model/generated/ivs-realtime.ts';
import { startEmulator, type TestEmulator } from './support.ts';

const ACCOUNT = '123456789012';
let t: TestEmulator;
let stageArn = '';
let otherStageArn = '';
let participantId = '';
let sessionId = '';
beforeAll(async () => {
  t = await startEmulator();
  const admin = t.ivs();
  stageArn = (await admin.send(new CreateStageCommand({ name: 'iam-source' }))).stage?.arn ?? '';
  otherStageArn = (await admin.send(new CreateStageCommand({ name: 'iam-destination' }))).stage?.arn ?? '';
  const token = (await admin.send(new CreateParticipantTokenCommand({ stageArn, userId: 'presenter' }))).participantToken?.token ?? '';
  const joined = await t.control.join({ token });
  participantId = joined.participantId;
  sessionId = joined.sessionId;
  await t.control.publish({ stageArn, participantId });
});
afterAll(() => t.stop());

const denied = (p: Promise<unknown>) => p.then(() => { throw new Error('expected AccessDeniedException'); }, (e: unknown) => e as AccessDeniedException);
const message = (role: string, action: string, resource: string) =>
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/${role}/CognitoIdentityCredentials is not authorized to perform: ivs:${action} on resource: ${resource}`;

describe('support (read-only)', () => {
  it('reads everything the console shows', async () => {
    const c = t.ivs('us-east-1', t.cognitoCredentials('us-east-1', 'sam.support'));
    await c.send(new ListStagesCommand({}));
    await c.send(new GetStageCommand({ arn: stageArn }));
    await c.send(new ListStageSessionsCommand({ stageArn }));
    await c.send(new GetStageSessionCommand({ stageArn, sessionId }));
    await c.send(new ListParticipantsCommand({ stageArn, sessionId }));
    await c.send(new GetParticipantCommand({ stageArn, sessionId, participantId }));
    await c.send(new ListParticipantEventsCommand({ stageArn, sessionId, participantId }));
    await c.send(new ListParticipantReplicasCommand({ sourceStageArn: stageArn, participantId }));
    await c.send(new ListTagsForResourceCommand({ resourceArn: stageArn }));
  });

  it('is refused every mutating call with IAM\'s message naming role, action and resource', async () => {
    const c = t.ivs('us-east-1', t.cognitoCredentials('us-east-1', 'sam.support'));
    const all = `arn:aws:ivs:us-east-1:${ACCOUNT}:stage/*`;
    const cases: [string, () => Promise<unknown>, string][] = [
      ['CreateStage', () => c.send(new CreateStageCommand({ name: 'nope' })), all],
      ['UpdateStage', () => c.send(new UpdateStageCommand({ arn: stageArn, name: 'renamed' })), stageArn],
      ['DeleteStage', () => c.send(new DeleteStageCommand({ arn: stageArn })), stageArn],
      ['CreateParticipantToken', () => c.send(new CreateParticipantTokenCommand({ stageArn })), stageArn],
      ['DisconnectParticipant', () => c.send(new DisconnectParticipantCommand({ stageArn, participantId })), stageArn],
      ['StartParticipantReplication', () => c.send(new StartParticipantReplicationCommand({ sourceStageArn: stageArn, destinationStageArn: otherStageArn, participantId })), stageArn],
      ['StopParticipantReplication', () => c.send(new StopParticipantReplicationCommand({ sourceStageArn: stageArn, destinationStageArn: otherStageArn, participantId })), stageArn],
      ['TagResource', () => c.send(new TagResourceCommand({ resourceArn: stageArn, tags: { a: 'b' } })), stageArn],
      ['UntagResource', () => c.send(new UntagResourceCommand({ resourceArn: stageArn, tagKeys: ['a'] })), stageArn],
    ];
    for (const [action, p, resource] of cases) {
      const e = await denied(p());
      expect(e, action).toBeInstanceOf(AccessDeniedException);
      expect(e.$metadata.httpStatusCode).toBe(403);
      expect(e.exceptionMessage).toBe(message('greenroom-support', action, resource));
    }
    // Nothing changed.
    expect((await t.ivs().send(new GetStageCommand({ arn: stageArn }))).stage?.name).toBe('iam-source');
  });
});

describe('producer', () => {
  it('replicates, stops, disconnects, mints tokens and edits stages and tags', async () => {
    const c = t.ivs('us-east-1', t.cognitoCredentials('us-east-1', 'pat.producer'));
    await c.send(new StartParticipantReplicationCommand({ sourceStageArn: stageArn, destinationStageArn: otherStageArn, participantId }));
    await c.send(new StopParticipantReplicationCommand({ sourceStageArn: stageArn, destinationStageArn: otherStageArn, participantId }));
    await c.send(new CreateParticipantTokenCommand({ stageArn, userId: 'guest' }));
    await c.send(new TagResourceCommand({ resourceArn: stageArn, tags: { show: 'tonight' } }));
    await c.send(new UntagResourceCommand({ resourceArn: stageArn, tagKeys: ['show'] }));
    const made = (await c.send(new CreateStageCommand({ name: 'producer-made' }))).stage?.arn;
    await c.send(new UpdateStageCommand({ arn: made, name: 'producer-renamed' }));
    await c.send(new DeleteStageCommand({ arn: made }));
    await c.send(new DisconnectParticipantCommand({ stageArn, participantId }));
  });
});

describe('fails closed', () => {
  // Each of these names a resource the emulator cannot read as an IVS ARN. Such a value is never widened to the
  // account's stage/*, which the roles' policies allow: it is denied as a resource no policy grants.
  const unreadable: [label: string, value: string][] = [
    ['plain text', 'not-an-arn'],
    ['a Low-Latency channel', `arn:aws:ivs:us-east-1:${ACCOUNT}:channel/abcdABCDefgh`],
    ['another partition', `arn:aws-cn:ivs:us-east-1:${ACCOUNT}:stage/abcdABCDefgh`],
    ['a stage ARN with a path', `arn:aws:ivs:us-east-1:${ACCOUNT}:stage/abcd/../efgh`],
  ];

  it.each(unreadable)('denies the producer TagResource on %s with AccessDeniedException naming it', async (_label, resourceArn) => {
    const c = t.ivs('us-east-1', t.cognitoCredentials('us-east-1', 'pat.producer'));
    const e = await denied(c.send(new TagResourceCommand({ resourceArn, tags: { a: 'b' } })));
    expect(e).toBeInstanceOf(AccessDeniedException);
    expect(e.$metadata.httpStatusCode).toBe(403);
    expect(e.exceptionMessage).toBe(message('greenroom-producer', 'TagResource', resourceArn));
  });

  it('denies support a read on an unreadable ARN, and replication with one unreadable side', async () => {
    const support = t.ivs('us-east-1', t.cognitoCredentials('us-east-1', 'sam.support'));
    const e = await denied(support.send(new GetStageCommand({ arn: 'stage/abcdABCDefgh' })));
    expect(e).toBeInstanceOf(AccessDeniedException);
    expect(e.exceptionMessage).toBe(message('greenroom-support', 'GetStage', 'stage/abcdABCDefgh'));
    const producer = t.ivs('us-east-1', t.cognitoCredentials('us-east-1', 'pat.producer'));
    const r = await denied(producer.send(new StartParticipantReplicationCommand({ sourceStageArn: stageArn, destinationStageArn: 'elsewhere', participantId })));
    expect(r).toBeInstanceOf(AccessDeniedException);
    expect(r.exceptionMessage).toBe(message('greenroom-producer', 'StartParticipantReplication', 'elsewhere'));
  });

  it('never echoes a value that is not printable text, and never widens one to stage/*', () => {
    expect(unreadableResource({ arn: stageArn })).toBeUndefined();
    expect(unreadableResource({})).toBeUndefined();
    expect(unreadableResource({ stageArn: 'x\ny' })).toBe('(a value that is not an ARN)');
    expect(unreadableResource({ resourceArn: 42 })).toBe('(a value that is not an ARN)');
    expect(unreadableResource({ arn: 'a'.repeat(5000) })).toBe('(a value that is not an ARN)');
    expect(resourcesOf('GetStage', { arn: 'not-an-arn' }, 'us-east-1', ACCOUNT)).toEqual(['not-an-arn']);
    // A policy that would allow any resource still cannot be met by an unreadable one: the check denies first.
    const anything = new RolePolicies({ 'greenroom-support': parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ivs:*', Resource: '*' }] }, 'inline') });
    const caller = { kind: 'cognito', accountId: ACCOUNT, accessKeyId: 'ASIA', roleName: 'greenroom-support', principalArn: 'arn:aws:sts::1:assumed-role/greenroom-support/x' } as Parameters<RolePolicies['check']>[1];
    expect(() => anything.check('GetStage', caller, 'us-east-1', { arn: 'not-an-arn' })).toThrow(/not authorized to perform: ivs:GetStage on resource: not-an-arn/);
    expect(() => anything.check('GetStage', caller, 'us-east-1', { arn: stageArn })).not.toThrow();
  });

  it('decides before "not implemented": support calling operations the emulator lacks gets AccessDenied, not 501', async () => {
    const c = t.ivs('us-east-1', t.cognitoCredentials('us-east-1', 'sam.support'));
    const storage = `arn:aws:ivs:us-east-1:${ACCOUNT}:storage-configuration/abcdABCDefgh`;
    const cases: [string, () => Promise<unknown>, string][] = [
      ['StartComposition', () => c.send(new StartCompositionCommand({ stageArn, destinations: [] })), stageArn],
      ['CreateEncoderConfiguration', () => c.send(new CreateEncoderConfigurationCommand({ name: 'enc' })), `arn:aws:ivs:us-east-1:${ACCOUNT}:stage/*`],
      ['DeleteStorageConfiguration', () => c.send(new DeleteStorageConfigurationCommand({ arn: storage })), storage],
    ];
    for (const [action, p, resource] of cases) {
      const e = await denied(p());
      expect(e, action).toBeInstanceOf(AccessDeniedException);
      expect(e.$metadata.httpStatusCode, action).toBe(403);
      expect(e.exceptionMessage, action).toBe(message('greenroom-support', action, resource));
    }
    // The admin key, which IAM lets through, still learns that the emulator lacks the operation.
    const admin = await t.ivs().send(new StartCompositionCommand({ stageArn, destinations: [] })).catch((e: unknown) => e as Error & { $metadata: { httpStatusCode: number } });
    expect((admin as Error).name).toBe('NotImplementedException');
    expect(admin.$metadata.httpStatusCode).toBe(501);
  });
});

describe('the evaluated policies are exactly iam/*.json', () => {
  const operations = Object.keys(ivsRealtimeModel.operations);
  const stage = `arn:aws:ivs:us-east-1:${ACCOUNT}:stage/abcdABCDefgh`;

  it.each(Object.entries(ROLE_POLICY_FILES))('%s: every action the emulator allows is listed in iam/%s, and never ivs:*', (role, file) => {
    const text = readFileSync(`${IAM_DIR}${file}`, 'utf8');
    const doc = JSON.parse(text) as { Statement: { Effect: string; Action: string | string[] }[] };
    const listed = doc.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(listed).not.toContain('ivs:*');
    expect(listed).not.toContain('*');
    const policies = RolePolicies.load();
    expect(policies.policy(role)).toEqual(loadPolicy(`${IAM_DIR}${file}`));
    const allowed = operations.filter((op) => evaluate(policies.policy(role), `ivs:${op}`, resourcesOf(op, { arn: stage, stageArn: stage, resourceArn: stage, sourceStageArn: stage, destinationStageArn: stage }, 'us-east-1', ACCOUNT)).allowed);
    for (const op of allowed) expect(listed, op).toContain(`ivs:${op}`);
    expect(allowed.length).toBeGreaterThan(0);
  });

  it('support is the producer\'s reads; the producer adds only the documented writes', () => {
    const policies = RolePolicies.load();
    const allowedFor = (role: string) => operations.filter((op) => evaluate(policies.policy(role), `ivs:${op}`, resourcesOf(op, { arn: stage, stageArn: stage, resourceArn: stage, sourceStageArn: stage, destinationStageArn: stage }, 'us-east-1', ACCOUNT)).allowed).sort();
    const support = allowedFor('greenroom-support');
    expect(support).toEqual(['GetParticipant', 'GetStage', 'GetStageSession', 'ListParticipantEvents', 'ListParticipantReplicas', 'ListParticipants', 'ListStageSessions', 'ListStages', 'ListTagsForResource']);
    expect(allowedFor('greenroom-producer')).toEqual([...support, 'CreateParticipantToken', 'CreateStage', 'DeleteStage', 'DisconnectParticipant', 'StartParticipantReplication', 'StopParticipantReplication', 'TagResource', 'UntagResource', 'UpdateStage'].sort());
  });

  it('evaluates like IAM: explicit deny wins, wildcards match, unmatched is denied', () => {
    const p = parsePolicy({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'ivs:Get*', Resource: 'arn:aws:ivs:*:*:stage/*' },
      { Effect: 'Deny', Action: 'ivs:GetStage?ession', Resource: '*' },
    ] }, 'inline');
    expect(evaluate(p, 'ivs:GetStage', [stage])).toEqual({ allowed: true });
    expect(evaluate(p, 'IVS:getstage', [stage])).toEqual({ allowed: true });
    expect(evaluate(p, 'ivs:GetStageSession', [stage])).toEqual({ allowed: false, resource: stage });
    expect(evaluate(p, 'ivs:GetStage', ['arn:aws:ivs:us-east-1:1:composition/x'])).toMatchObject({ allowed: false });
    expect(evaluate(p, 'ivs:ListStages', ['*'])).toMatchObject({ allowed: false });
    expect(evaluate(undefined, 'ivs:GetStage', [stage])).toMatchObject({ allowed: false });
  });

  it('refuses a policy it could only half-enforce', () => {
    expect(() => parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ivs:GetStage', Resource: '*', Condition: {} }] }, 'x')).toThrow(/Condition/);
    expect(() => parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'ivs:GetStage', Resource: '*' }] }, 'x')).toThrow(/NotAction/);
    expect(() => parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ivs:GetStage', Resource: 'arn:aws:ivs:*:${aws:userid}:stage/*' }] }, 'x')).toThrow(/policy variable/);
    expect(() => parsePolicy({ Version: '2008-10-17', Statement: [] }, 'x')).toThrow(/Version/);
  });

  it('leaves the static key unrestricted', async () => {
    await t.ivs().send(new DeleteStageCommand({ arn: (await t.ivs().send(new CreateStageCommand({ name: 'admin-made' }))).stage?.arn }));
  });
});
