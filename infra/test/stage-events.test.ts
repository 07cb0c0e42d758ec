// Stage events per configured region: an EventBridge rule for IVS's three Real-Time detail-types, a forwarder
// Lambda that may only publish to its own API's ivs namespace (and write its own logs), and an IAM-only AppSync
// Events API. The stack's region has them in the Greenroom stack, every other region in GreenroomEvents-<region>.
import { describe, expect, it } from 'vitest';
import { eventsStackName } from '../lib/app.ts';
import { EVENTS_NAMESPACE, IVS_DETAIL_TYPES } from '../lib/stage-events.ts';
import { ACCOUNT, REGION, REGIONS, resourcesOfType, synth, type TemplateJson } from './synth.ts';

const s = synth();
const byRegion: Record<string, TemplateJson> = { [REGION]: s.json, ...Object.fromEntries(Object.entries(s.eventTemplates).map(([r, t]) => [r, t.json])) };

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Sid?: string };
const only = <T>(list: T[], what: string): T => {
  expect(list.length, what).toBe(1);
  return list[0]!;
};
const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

describe('stacks', () => {
  it('puts the stack region\'s stage events in the Greenroom stack and one GreenroomEvents-<region> stack in every other configured region', () => {
    expect(s.eventStacks.map((st) => [st.stackName, st.region, st.account])).toEqual(REGIONS.filter((r) => r !== REGION).map((r) => [eventsStackName(r), r, ACCOUNT]));
    expect(Object.keys(byRegion).sort()).toEqual([...REGIONS].sort());
    // cdk deploy --all deploys the regional stacks first (the Greenroom stack reads their outputs) and destroys them last.
    expect(s.stack.dependencies.map((d) => d.stackName).sort()).toEqual(s.eventStacks.map((st) => st.stackName).sort());
  });

  it('makes no extra stack for a single-region deployment, and moves the events out of the Greenroom stack when its region is not an IVS region', () => {
    const single = synth({ regions: REGION });
    expect(single.eventStacks).toEqual([]);
    expect(resourcesOfType(single.json, 'AWS::AppSync::Api')).toHaveLength(1);
    const elsewhere = synth({ regions: 'us-west-2' });
    expect(elsewhere.eventStacks.map((st) => st.region)).toEqual(['us-west-2']);
    expect(resourcesOfType(elsewhere.json, 'AWS::AppSync::Api')).toHaveLength(0);
    expect(resourcesOfType(elsewhere.json, 'AWS::Lambda::Function').map(([id]) => id).filter((id) => id.startsWith('StageEvents'))).toEqual([]);
  });
});

describe.each(REGIONS)('stage events in %s', (region) => {
  const json = byRegion[region]!;
  const api = only(resourcesOfType(json, 'AWS::AppSync::Api'), 'one Events API');
  const ns = only(resourcesOfType(json, 'AWS::AppSync::ChannelNamespace'), 'one channel namespace');
  const forwarder = only(resourcesOfType(json, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('StageEventsForwarder')), 'one forwarder');
  const rule = only(resourcesOfType(json, 'AWS::Events::Rule'), 'one rule');

  it('routes exactly the three IVS Real-Time detail-types from aws.ivs on the default bus to the forwarder, with bounded retries', () => {
    expect(IVS_DETAIL_TYPES).toEqual(['IVS Stage Update', 'IVS Participant Recording State Change', 'IVS Composition State Change']);
    const p = rule[1].Properties as { EventPattern: unknown; EventBusName?: unknown; State: string; Targets: { Arn: unknown; RetryPolicy: unknown }[] };
    expect(p.EventPattern).toEqual({ source: ['aws.ivs'], 'detail-type': [...IVS_DETAIL_TYPES] });
    expect(p.EventBusName).toBeUndefined(); // IVS sends to the account's default bus
    expect(p.State).toBe('ENABLED');
    expect(p.Targets).toEqual([{ Arn: { 'Fn::GetAtt': [forwarder[0], 'Arn'] }, Id: 'Target0', RetryPolicy: { MaximumEventAgeInSeconds: 300, MaximumRetryAttempts: 2 } }]);
    const permission = only(resourcesOfType(json, 'AWS::Lambda::Permission'), 'one invoke permission')[1].Properties;
    expect(permission).toEqual({ Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': [forwarder[0], 'Arn'] }, Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': [rule[0], 'Arn'] } });
  });

  it('has an Events API whose every mode is IAM, and the ivs namespace (IAM publish and subscribe, no handlers)', () => {
    const iamOnly = [{ AuthType: 'AWS_IAM' }];
    expect(api[1].Properties).toEqual({
      Name: 'greenroom-stage-events',
      EventConfig: { AuthProviders: iamOnly, ConnectionAuthModes: iamOnly, DefaultPublishAuthModes: iamOnly, DefaultSubscribeAuthModes: iamOnly },
    });
    expect(ns[1].Properties).toEqual({ ApiId: { 'Fn::GetAtt': [api[0], 'ApiId'] }, Name: EVENTS_NAMESPACE, HandlerConfigs: {}, PublishAuthModes: iamOnly, SubscribeAuthModes: iamOnly });
    expect(resourcesOfType(json, 'AWS::AppSync::ApiKey')).toEqual([]);
  });

  it('runs the forwarder from its plain-JS asset on the newest Node runtime, logging to its own log group (30 days)', () => {
    const p = forwarder[1].Properties as Record<string, unknown>;
    expect(p.Runtime).toBe('nodejs24.x');
    expect(p.Handler).toBe('index.handler');
    expect(p.Environment).toEqual({ Variables: { EVENTS_HTTP_ENDPOINT: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [api[0], 'Dns.Http'] }]] } } });
    const logGroup = only(resourcesOfType(json, 'AWS::Logs::LogGroup').filter(([id]) => id.startsWith('StageEvents')), 'one forwarder log group');
    expect(p.LoggingConfig).toEqual({ LogGroup: { Ref: logGroup[0] } });
    expect(logGroup[1].Properties).toEqual({ RetentionInDays: 30 });
    const invoke = only(resourcesOfType(json, 'AWS::Lambda::EventInvokeConfig'), 'one async invoke config')[1].Properties;
    expect(invoke).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 });
  });

  it('lets the forwarder publish to its own ivs namespace and write its own logs, nothing else (no managed policy)', () => {
    const roleId = (forwarder[1].Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const role = json.Resources[roleId]!.Properties as { ManagedPolicyArns?: unknown; Policies: { PolicyDocument: { Statement: Statement[] } }[]; AssumeRolePolicyDocument: unknown };
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.AssumeRolePolicyDocument).toEqual({ Version: '2012-10-17', Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] });
    const logGroup = resourcesOfType(json, 'AWS::Logs::LogGroup').find(([id]) => id.startsWith('StageEvents'))![0];
    expect(role.Policies.flatMap((x) => x.PolicyDocument.Statement)).toEqual([
      { Sid: 'PublishStageEvents', Effect: 'Allow', Action: 'appsync:EventPublish', Resource: { 'Fn::GetAtt': [ns[0], 'ChannelNamespaceArn'] } },
      { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroup, 'Arn'] } },
    ]);
    // No separate policy attached to it either.
    const attached = resourcesOfType(json, 'AWS::IAM::Policy').filter(([, r]) => JSON.stringify(r.Properties!.Roles).includes(roleId));
    expect(attached).toEqual([]);
  });

  it('grants appsync:EventPublish to nothing but the forwarder', () => {
    const roles = [...resourcesOfType(json, 'AWS::IAM::Role'), ...resourcesOfType(json, 'AWS::IAM::Policy')];
    const publishers = roles.filter(([, r]) => {
      const docs = [...((r.Properties!.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? []).map((x) => x.PolicyDocument), ...(r.Properties!.PolicyDocument ? [r.Properties!.PolicyDocument as { Statement: Statement[] }] : [])];
      return docs.some((d) => d.Statement.some((st) => st.Effect === 'Allow' && list(st.Action).some((a) => a === 'appsync:EventPublish' || a === 'appsync:*' || a === '*')));
    });
    expect(publishers.map(([id]) => id)).toEqual([(forwarder[1].Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]]);
  });
});

describe('explicit stageArns', () => {
  const east = `arn:aws:ivs:us-east-1:${ACCOUNT}:stage/AbCdEf123456`;
  const westPattern = `arn:aws:ivs:us-west-2:${ACCOUNT}:stage/Show*`;
  const x = synth({ stageArns: [east, westPattern].join(',') });
  const rules = (json: TemplateJson) => resourcesOfType(json, 'AWS::Events::Rule').map(([, r]) => (r.Properties as { EventPattern: unknown }).EventPattern);

  it('forward only the events of those stages: by resources, and composition events by detail.stage_arn', () => {
    expect(rules(x.json)).toEqual([
      { source: ['aws.ivs'], 'detail-type': ['IVS Stage Update', 'IVS Participant Recording State Change'], resources: [east] },
      { source: ['aws.ivs'], 'detail-type': ['IVS Composition State Change'], detail: { stage_arn: [east] } },
    ]);
    expect(rules(x.eventTemplates['us-west-2']!.json)).toEqual([
      { source: ['aws.ivs'], 'detail-type': ['IVS Stage Update', 'IVS Participant Recording State Change'], resources: [{ wildcard: westPattern }] },
      { source: ['aws.ivs'], 'detail-type': ['IVS Composition State Change'], detail: { stage_arn: [{ wildcard: westPattern }] } },
    ]);
    // Both rules invoke the one forwarder.
    expect(resourcesOfType(x.json, 'AWS::Lambda::Permission')).toHaveLength(2);
  });

  it('refuse a configured region none of them is in', () => {
    expect(() => synth({ stageArns: east })).toThrow(/stageArns: no stage ARN is in us-west-2, a configured region/);
  });
});

describe('template snapshot of a regional stage-events stack', () => {
  it('matches the committed snapshot (asset hashes normalised)', () => {
    const normalised = JSON.parse(JSON.stringify(s.eventTemplates['us-west-2']!.json).replace(/[0-9a-f]{64}/g, '<asset-hash>')) as unknown;
    expect(normalised).toMatchSnapshot();
  });
});
