// Parameters are checked before anything is built, with the parameter's name in the message.
import { describe, expect, it } from 'vitest';
import { policyForDeployment, type PolicyDocumentJson } from '../lib/policies.ts';
import { synth } from './synth.ts';

describe('parameters', () => {
  it('domainPrefix is required', () => {
    expect(() => synth({ domainPrefix: '' })).toThrow(/domainPrefix: required/);
  });
  it('domainPrefix may not contain reserved words', () => {
    expect(() => synth({ domainPrefix: 'my-cognito-login' })).toThrow(/domainPrefix: .*must not contain/);
  });
  it('regions must be region codes', () => {
    expect(() => synth({ regions: 'us-east-1,mars-1' })).toThrow(/regions: "mars-1"/);
  });
  it('stageArns must be IVS stage ARNs of this account', () => {
    expect(() => synth({ stageArns: 'arn:aws:ivs:us-east-1:123456789012:channel/*' })).toThrow(/stageArns: .*not an IVS stage ARN/);
    expect(() => synth({ stageArns: 'arn:aws:ivs:us-east-1:999999999999:stage/*' })).toThrow(/account 999999999999/);
  });
  it('a custom domain needs its certificate, in us-east-1', () => {
    expect(() => synth({ domainName: 'greenroom.example.com' })).toThrow(/give both or neither/);
    expect(() => synth({ domainName: 'g.example.com', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' })).toThrow(/us-east-1/);
  });
  it('a missing build is reported with the command that makes it', () => {
    expect(() => synth({ distDir: 'test/fixtures/no-such-dist' })).toThrow(/npm run build/);
  });
  it('accepts JSON arrays as well as comma lists', () => {
    const s = synth({ regions: '["us-west-2"]' });
    expect(s.stack.params.regions).toEqual(['us-west-2']);
  });
});

describe('stage ARN substitution', () => {
  const doc: PolicyDocumentJson = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'A', Effect: 'Allow', Action: ['ivs:GetStage'], Resource: 'arn:aws:ivs:*:*:stage/*' },
      { Sid: 'B', Effect: 'Allow', Action: 'ivs:ListStages', Resource: '*' },
      { Sid: 'C', Effect: 'Allow', Action: 'ivs:GetComposition', Resource: ['arn:aws:ivs:*:*:composition/*', 'arn:aws:ivs:*:*:stage/x'] },
      { Sid: 'D', Effect: 'Deny', Action: 'ivs:DeleteStage', Resource: 'arn:aws:ivs:*:*:stage/*' },
      { Sid: 'E', Effect: 'Allow', Action: 'appsync:EventConnect', Resource: 'arn:aws:appsync:*:*:apis/*' },
      { Sid: 'F', Effect: 'Allow', Action: 'appsync:EventSubscribe', Resource: 'arn:aws:appsync:*:*:apis/*/channelNamespace/ivs' },
      { Sid: 'G', Effect: 'Deny', Action: 'appsync:EventPublish', Resource: '*' },
    ],
  };
  const apis = ['arn:aws:appsync:us-east-1:123456789012:apis/abc', 'arn:aws:appsync:us-west-2:123456789012:apis/def'];
  const namespaces = apis.map((a) => `${a}/channelNamespace/ivs`);
  it('replaces stage and stage-events ARNs in Allow statements and nothing else', () => {
    const out = policyForDeployment(doc, { stageArns: ['arn:aws:ivs:us-east-1:123456789012:stage/*', 'arn:aws:ivs:us-west-2:123456789012:stage/*'], eventApiArns: apis, eventNamespaceArns: namespaces });
    expect(out.Statement).toEqual([
      { Sid: 'A', Effect: 'Allow', Action: ['ivs:GetStage'], Resource: ['arn:aws:ivs:us-east-1:123456789012:stage/*', 'arn:aws:ivs:us-west-2:123456789012:stage/*'] },
      { Sid: 'B', Effect: 'Allow', Action: 'ivs:ListStages', Resource: '*' },
      { Sid: 'C', Effect: 'Allow', Action: 'ivs:GetComposition', Resource: ['arn:aws:ivs:*:*:composition/*', 'arn:aws:ivs:us-east-1:123456789012:stage/*', 'arn:aws:ivs:us-west-2:123456789012:stage/*'] },
      { Sid: 'D', Effect: 'Deny', Action: 'ivs:DeleteStage', Resource: 'arn:aws:ivs:*:*:stage/*' },
      { Sid: 'E', Effect: 'Allow', Action: 'appsync:EventConnect', Resource: apis },
      { Sid: 'F', Effect: 'Allow', Action: 'appsync:EventSubscribe', Resource: namespaces },
      { Sid: 'G', Effect: 'Deny', Action: 'appsync:EventPublish', Resource: '*' },
    ]);
  });
});
