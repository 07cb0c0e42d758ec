// The staff roles: trust only this identity pool's authenticated identities, and carry exactly the shipped
// policies (iam/*.json) that the emulator enforces, with the stage ARNs substituted in one documented way.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_DIR } from '../lib/params.ts';
import { EVENT_API_ARN_PATTERN, EVENT_NAMESPACE_ARN_PATTERN, ROLE_NAMES, STAFF_ROLES, STAGE_ARN_PATTERN, asList, policyFile, type PolicyDocumentJson, type StaffRole } from '../lib/policies.ts';
import { ACCOUNT, REGIONS, deployedValue, fakeApiId, resourcesOfType, synth, type Synth } from './synth.ts';

const s = synth();
const shipped = (role: StaffRole) => JSON.parse(readFileSync(resolve(REPO_DIR, `iam/${role}-policy.json`), 'utf8')) as PolicyDocumentJson;

type RoleProps = { RoleName: string; AssumeRolePolicyDocument: { Statement: Record<string, unknown>[] }; Policies?: { PolicyName: string; PolicyDocument: PolicyDocumentJson }[]; ManagedPolicyArns?: unknown };
const roleProps = (x: Synth, role: StaffRole): RoleProps => {
  const found = resourcesOfType(x.json, 'AWS::IAM::Role').filter(([, r]) => r.Properties!.RoleName === ROLE_NAMES[role]);
  expect(found.length).toBe(1);
  return found[0]![1].Properties as RoleProps;
};
/** The role's one inline policy, with deploy-time ARNs (the stage-events APIs) as they will be after deployment. */
const inlinePolicy = (x: Synth, role: StaffRole): PolicyDocumentJson => {
  const p = roleProps(x, role);
  expect(p.ManagedPolicyArns).toBeUndefined();
  expect(p.Policies?.length).toBe(1);
  const doc = p.Policies![0]!.PolicyDocument;
  const resolved = (r: unknown): string => deployedValue(x, r);
  return { ...doc, Statement: doc.Statement.map((st) => ({ ...st, Resource: Array.isArray(st.Resource) ? st.Resource.map(resolved) : resolved(st.Resource) })) };
};
const sorted = (v: string | string[]) => [...asList(v)].sort();
const defaultStageArns = REGIONS.map((r) => `arn:aws:ivs:${r}:${ACCOUNT}:stage/*`);
const eventApiArns = REGIONS.map((r) => `arn:aws:appsync:${r}:${ACCOUNT}:apis/${fakeApiId(r)}`);
const eventNamespaceArns = eventApiArns.map((a) => `${a}/channelNamespace/ivs`);
const substituted = (r: string): string[] =>
  STAGE_ARN_PATTERN.test(r) ? defaultStageArns : EVENT_NAMESPACE_ARN_PATTERN.test(r) ? eventNamespaceArns : EVENT_API_ARN_PATTERN.test(r) ? eventApiArns : [r];

describe.each(STAFF_ROLES)('%s role', (role) => {
  it('is named as the identity pool mapping and the emulator expect', () => {
    expect(roleProps(s, role).RoleName).toBe(`greenroom-${role}`);
  });

  it('trusts only cognito-identity.amazonaws.com, for this identity pool, for authenticated identities', () => {
    expect(roleProps(s, role).AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: 'IdentityPool' } },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ]);
  });

  it("has exactly the shipped file's statements: same Sids, Effects and Actions; stage resources = stageArns, stage-events resources = each region's API and its ivs namespace", () => {
    const file = shipped(role);
    const deployed = inlinePolicy(s, role);
    expect(deployed.Statement.length).toBe(file.Statement.length);
    file.Statement.forEach((fs, i) => {
      const ds = deployed.Statement[i]!;
      expect(ds.Sid).toBe(fs.Sid);
      expect(ds.Effect).toBe(fs.Effect);
      expect(sorted(ds.Action)).toEqual(sorted(fs.Action));
      const expected = fs.Effect === 'Allow' ? [...new Set(asList(fs.Resource).flatMap(substituted))] : asList(fs.Resource);
      expect(sorted(ds.Resource)).toEqual(expected.sort());
      expect(Object.keys(ds).sort()).toEqual(Object.keys(fs).sort()); // no Condition or NotAction slipped in
    });
    // And as a whole: the set of allowed and denied actions is the file's.
    const actions = (d: PolicyDocumentJson, effect: string) => d.Statement.filter((x) => x.Effect === effect).flatMap((x) => asList(x.Action)).sort();
    expect(actions(deployed, 'Allow')).toEqual(actions(file, 'Allow'));
    expect(actions(deployed, 'Deny')).toEqual(actions(file, 'Deny'));
  });

  it('never grants ivs:* or *, and uses "*" as a resource only for ivs:ListStages and the CloudWatch reads (which name no resource)', () => {
    for (const st of inlinePolicy(s, role).Statement.filter((x) => x.Effect === 'Allow')) {
      for (const a of asList(st.Action)) expect(a === '*' || /^ivs:\*$/i.test(a)).toBe(false);
      // IVS authorizes ListStages against no resource ARN, so "*" is the only
      // resource IAM can match for it. Every other action takes a stage ARN and must get one.
      // CloudWatch's GetMetricData and ListMetrics have no resource-level permissions either.
      if (asList(st.Resource).includes('*')) {
        expect(['ivs:ListStages', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics']).toEqual(expect.arrayContaining(asList(st.Action)));
      }
      else for (const r of asList(st.Resource)) expect(r).toMatch(/^arn:aws:(ivs:[a-z0-9-]+:123456789012:stage\/|appsync:[a-z0-9-]+:123456789012:apis\/[a-z0-9]{26}(\/channelNamespace\/ivs)?$)/);
    }
  });

  it("may connect to each region's stage-events API and subscribe to its ivs namespace, and may never publish", () => {
    const st = inlinePolicy(s, role).Statement;
    const allowed = (action: string) => st.filter((x) => x.Effect === 'Allow' && asList(x.Action).includes(action)).flatMap((x) => asList(x.Resource)).sort();
    const denied = (action: string) => st.filter((x) => x.Effect === 'Deny' && asList(x.Action).includes(action)).flatMap((x) => asList(x.Resource));
    expect(allowed('appsync:EventConnect')).toEqual([...eventApiArns].sort());
    expect(allowed('appsync:EventSubscribe')).toEqual([...eventNamespaceArns].sort());
    expect(allowed('appsync:EventPublish')).toEqual([]);
    expect(denied('appsync:EventPublish')).toEqual(['*']);
    const appsyncActions = st.flatMap((x) => asList(x.Action)).filter((a) => a.startsWith('appsync:')).sort();
    expect(appsyncActions).toEqual(['appsync:EventConnect', 'appsync:EventPublish', 'appsync:EventSubscribe']);
  });

  it('takes the stageArns parameter into its Allow statements only (Deny statements are never narrowed)', () => {
    const arns = [`arn:aws:ivs:us-east-1:${ACCOUNT}:stage/AbCdEf123456`, `arn:aws:ivs:us-west-2:${ACCOUNT}:stage/ZyXwVu987654`];
    const narrowed = inlinePolicy(synth({ stageArns: arns.join(',') }), role);
    const file = shipped(role);
    narrowed.Statement.forEach((st, i) => {
      const fs = file.Statement[i]!;
      if (fs.Effect === 'Deny') expect(st.Resource).toEqual(fs.Resource);
      else if (asList(fs.Resource).some((r) => STAGE_ARN_PATTERN.test(r))) expect(sorted(st.Resource)).toEqual([...arns].sort());
      else if (asList(fs.Resource).some((r) => EVENT_API_ARN_PATTERN.test(r) || EVENT_NAMESPACE_ARN_PATTERN.test(r))) expect(asList(st.Resource)).toHaveLength(REGIONS.length);
      else expect(st.Resource).toEqual(fs.Resource);
    });
  });
});

describe('the policies the emulator enforces', () => {
  // The emulator's own loader and evaluator (emulator/src/iam/policy.ts), imported by path so the infra type check
  // does not compile the emulator.
  type EmulatorIam = {
    ROLE_POLICY_FILES: Record<string, string>;
    IAM_DIR: string;
    parsePolicy(raw: unknown, source: string): unknown;
    loadPolicy(path: string): unknown;
    evaluate(policy: unknown, action: string, resources: string[]): { allowed: boolean };
  };
  const load = async () => (await import(pathToFileURL(resolve(REPO_DIR, 'emulator/src/iam/policy.ts')).href)) as EmulatorIam;

  it('are read from the same files: the emulator maps greenroom-<role> to iam/<role>-policy.json, as the stack does', async () => {
    const emu = await load();
    expect(Object.keys(emu.ROLE_POLICY_FILES).sort()).toEqual(STAFF_ROLES.map((r) => ROLE_NAMES[r]).sort());
    for (const role of STAFF_ROLES) {
      expect(resolve(emu.IAM_DIR, emu.ROLE_POLICY_FILES[ROLE_NAMES[role]]!)).toBe(s.stack.policySources[role]);
      expect(s.stack.policySources[role]).toBe(policyFile(role));
    }
  });

  it('decide every IVS call in the configured regions exactly as the deployed policies do', async () => {
    const emu = await load();
    const actions = [
      ...new Set([
        ...STAFF_ROLES.flatMap((r) => shipped(r).Statement.flatMap((x) => asList(x.Action))).filter((a) => !a.includes('*')),
        'ivs:CreateStage', 'ivs:DeleteStage', 'ivs:UpdateStage', 'ivs:CreateParticipantToken', 'ivs:StartComposition',
        'ivs:CreateChannel', 'ivs:GetStreamKey', 'ivs:DeleteChannel', 'ivs:ImportPublicKey', 'ivs:ListCompositions',
        'appsync:EventPublish', 'appsync:EventConnect', 'appsync:EventSubscribe',
      ]),
    ];
    // The deployed stage-events APIs and namespaces (the files allow any; the deployment names each region's own).
    const resources = REGIONS.flatMap((r) => [`arn:aws:ivs:${r}:${ACCOUNT}:stage/AbCdEf123456`, `arn:aws:ivs:${r}:${ACCOUNT}:stage/*`, `arn:aws:ivs:${r}:${ACCOUNT}:channel/AbCdEf123456`])
      .concat(eventApiArns, eventNamespaceArns, '*');
    let compared = 0;
    for (const role of STAFF_ROLES) {
      const fromFile = emu.loadPolicy(policyFile(role));
      const fromTemplate = emu.parsePolicy(inlinePolicy(s, role), `template:${role}`);
      for (const a of actions) {
        // Each AppSync Events action authorizes against one kind of ARN: EventConnect the API, EventSubscribe and
        // EventPublish the channel namespace. The files' `apis/*` also matches namespace ARNs, a pair no request makes.
        for (const r of resources.filter((x) => !a.startsWith('appsync:') || x === '*' || (a === 'appsync:EventConnect' ? eventApiArns : eventNamespaceArns).includes(x))) {
          expect({ role, a, r, allowed: emu.evaluate(fromTemplate, a, [r]).allowed }).toEqual({ role, a, r, allowed: emu.evaluate(fromFile, a, [r]).allowed });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('no other IAM grants ivs:*', () => {
  it('holds for every role and policy in the template', () => {
    const text = JSON.stringify([...resourcesOfType(s.json, 'AWS::IAM::Role'), ...resourcesOfType(s.json, 'AWS::IAM::Policy')]);
    expect(text).not.toMatch(/"ivs:\*"/);
  });
});
