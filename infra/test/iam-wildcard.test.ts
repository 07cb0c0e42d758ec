// No shipped policy may allow an action on Resource "*" except the few that authorize against no resource:
// ivs:ListStages, cloudwatch:GetMetricData and cloudwatch:ListMetrics. cdk-nag's IAM5 acknowledgement for "*" covers
// whole roles, so this test (and the synth, which loads the files through the same check) is what would stop a
// future `"Resource": "*"` Allow in iam/*.json.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA_DIR } from '../lib/params.ts';
import { IAM_DIR, WILDCARD_RESOURCE_ACTIONS, loadPolicyFile, wildcardResourceProblems, type PolicyDocumentJson } from '../lib/policies.ts';

const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));

describe('Resource "*" in iam/*.json', () => {
  it('names exactly the actions that may use it', () => {
    expect([...WILDCARD_RESOURCE_ACTIONS].sort()).toEqual(['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics', 'ivs:ListStages']);
  });

  it('is allowed in every shipped policy file only for those actions', () => {
    const files = jsonFiles(IAM_DIR);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const doc = loadPolicyFile(f); // throws on a violation
      expect(wildcardResourceProblems(doc, f)).toEqual([]);
    }
  });

  it('fails for a fixture that adds a forbidden "*" statement, naming the file, the statement and the action', () => {
    const file = resolve(INFRA_DIR, 'test/fixtures/iam-forbidden/support-policy.json');
    expect(() => loadPolicyFile(file)).toThrow(/iam-forbidden\/support-policy\.json: Statement\[2\] \(ReadEverything\) allows ivs:GetStage on Resource "\*"/);
  });

  it('checks Allow statements only, every action of a statement, and wildcard actions too', () => {
    const doc = (s: PolicyDocumentJson['Statement'][number]): PolicyDocumentJson => ({ Version: '2012-10-17', Statement: [s] });
    expect(wildcardResourceProblems(doc({ Effect: 'Deny', Action: ['ivs:*Channel*'], Resource: '*' }), 'x')).toEqual([]);
    expect(wildcardResourceProblems(doc({ Effect: 'Allow', Action: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'], Resource: '*' }), 'x')).toEqual([]);
    expect(wildcardResourceProblems(doc({ Effect: 'Allow', Action: 'ivs:GetStage', Resource: 'arn:aws:ivs:*:*:stage/*' }), 'x')).toEqual([]);
    expect(wildcardResourceProblems(doc({ Effect: 'Allow', Action: 'cloudwatch:*', Resource: '*' }), 'x')).toHaveLength(1);
    expect(wildcardResourceProblems(doc({ Effect: 'Allow', Action: 'ivs:List*', Resource: ['arn:aws:ivs:*:*:stage/*', '*'] }), 'x')).toHaveLength(1);
    expect(wildcardResourceProblems(doc({ Effect: 'Allow', Action: ['ivs:ListStages', 'cloudwatch:PutMetricData'], Resource: '*' }), 'x')[0]).toMatch(/allows cloudwatch:PutMetricData on/);
  });
});
