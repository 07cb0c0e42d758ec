// Role policies as IAM enforces them: the files in iam/ decide what each role's credentials may call, with IAM's
// AccessDenied message; the static key stays the admin principal.
import { readFileSync } from 'node:fs';
import {
  AccessDeniedException, CreateParticipantTokenCommand, CreateStageCommand, DeleteStageCommand, DisconnectParticipantCommand, GetParticipantCommand,
  GetStageCommand, GetStageSessionCommand, ListParticipantEventsCommand, ListParticipantReplicasCommand, ListParticipantsCommand,
  ListStageSessionsCommand, ListStagesCommand, ListTagsForResourceCommand, StartParticipantReplicationCommand, StopParticipantReplicationCommand,
  TagResourceCommand, UntagResourceCommand, UpdateStageCommand,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, IAM_DIR, loadPolicy, parsePolicy, resourcesOf, ROLE_POLICY_FILES, RolePolicies } from '../src/iam/policy.ts';
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
