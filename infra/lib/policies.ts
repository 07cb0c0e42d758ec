// The staff roles' permissions are the project's shipped policy files, iam/producer-policy.json and
// iam/support-policy.json: the same files the emulator enforces (emulator/src/iam/policy.ts). They are read at synth
// time, never copied, so the deployed roles cannot drift from what the tests and the emulator exercise.
//
// The one substitution (documented in infra/README.md): in every **Allow** statement, each Resource entry that is an
// IVS stage ARN (arn:<partition>:ivs:<region>:<account>:stage/<id>, wildcards allowed, as the shipped files'
// `arn:aws:ivs:*:*:stage/*`) is replaced by the `stageArns` parameter (default: `arn:aws:ivs:<region>:<account>:stage/*`
// for each configured region); an AppSync API ARN (`arn:aws:appsync:*:*:apis/*`) by the stage-events API of each
// configured region, and a channel-namespace ARN (`…:apis/*/channelNamespace/ivs`) by that API's `ivs` namespace.
// Every other Resource entry (notably `"*"` for ivs:ListStages, which IVS authorizes
// against no resource) and every Deny statement are kept exactly as written: narrowing a Deny would weaken it.
// Actions, Effects and Sids are never changed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_DIR } from './params.ts';

export type StaffRole = 'producer' | 'support';
export const STAFF_ROLES: readonly StaffRole[] = ['producer', 'support'];

/** Role names as decision 001 and the emulator's identity-pool role mapping spell them (one stack per account). */
export const ROLE_NAMES: Record<StaffRole, string> = { producer: 'greenroom-producer', support: 'greenroom-support' };

/**
 * User pool group precedence (lower wins): a user in both staff groups gets the producer role in
 * cognito:preferred_role. The emulator's emulator/users.json gives its groups the same values.
 */
export const GROUP_PRECEDENCE: Record<StaffRole, number> = { producer: 1, support: 2 };

/** The identity pool's default authenticated role: no permissions; role mapping denies rather than use it. */
export const NO_ACCESS_ROLE_NAME = 'greenroom-no-access';

export const IAM_DIR = resolve(REPO_DIR, 'iam');
export const policyFile = (role: StaffRole): string => resolve(IAM_DIR, `${role}-policy.json`);

export type PolicyStatement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
};
export type PolicyDocumentJson = { Version: '2012-10-17'; Statement: PolicyStatement[] };

/** A stage ARN pattern as the shipped files write it: any region/account (or wildcard), resource type `stage`. */
export const STAGE_ARN_PATTERN = /^arn:[^:]+:ivs:[^:]*:[^:]*:stage\/.+$/;

export const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/**
 * The only actions an Allow statement may grant on Resource "*": each authorizes against no resource ARN, so "*" is
 * the only resource IAM can match for it. ivs:ListStages names no stage; cloudwatch:GetMetricData and
 * cloudwatch:ListMetrics are read actions that CloudWatch authorizes on "*" only. Anything else must name its ARNs.
 */
export const WILDCARD_RESOURCE_ACTIONS: readonly string[] = ['ivs:ListStages', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'];

/** Every Allow statement that grants on Resource "*" an action outside WILDCARD_RESOURCE_ACTIONS, described. */
export function wildcardResourceProblems(doc: PolicyDocumentJson, source: string): string[] {
  const problems: string[] = [];
  doc.Statement.forEach((s, i) => {
    if (s.Effect !== 'Allow' || !asList(s.Resource).includes('*')) return;
    const bad = asList(s.Action).filter((a) => !WILDCARD_RESOURCE_ACTIONS.includes(a));
    if (bad.length) {
      problems.push(`${source}: Statement[${i}]${s.Sid ? ` (${s.Sid})` : ''} allows ${bad.join(', ')} on Resource "*"; only ${WILDCARD_RESOURCE_ACTIONS.join(', ')} may use "*", every other action must name its ARNs`);
    }
  });
  return problems;
}

export function loadShippedPolicy(role: StaffRole): PolicyDocumentJson {
  return loadPolicyFile(policyFile(role));
}

/** Reads and checks one policy file: the statement keys the stack supports, no ivs:*, no stray "*" resource. */
export function loadPolicyFile(file: string): PolicyDocumentJson {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read the shipped IAM policy ${file}: ${(e as Error).message}`, { cause: e });
  }
  const d = doc as Partial<PolicyDocumentJson> | null;
  if (!d || d.Version !== '2012-10-17' || !Array.isArray(d.Statement)) {
    throw new Error(`${file}: not an IAM policy document (Version "2012-10-17" and a Statement list)`);
  }
  for (const [i, s] of d.Statement.entries()) {
    const keys = Object.keys(s).filter((k) => !['Sid', 'Effect', 'Action', 'Resource'].includes(k));
    if (keys.length) throw new Error(`${file}: Statement[${i}] uses ${keys.join(', ')}; the stack (like the emulator) supports Sid, Effect, Action and Resource only`);
    if (asList(s.Action).some((a) => a === '*' || a === 'ivs:*')) throw new Error(`${file}: Statement[${i}] grants ${String(s.Action)}; never grant ivs:* (it also covers low-latency channels and stream keys)`);
  }
  const wild = wildcardResourceProblems(d as PolicyDocumentJson, file);
  if (wild.length) throw new Error(wild.join('\n'));
  return d as PolicyDocumentJson;
}

/** The stage-events API as the shipped files write it: any API (`arn:aws:appsync:*:*:apis/*`). */
export const EVENT_API_ARN_PATTERN = /^arn:[^:]+:appsync:[^:]*:[^:]*:apis\/[^/]+$/;
/** The stage-events channel namespace as the shipped files write it (`…:apis/*\/channelNamespace/ivs`). */
export const EVENT_NAMESPACE_ARN_PATTERN = /^arn:[^:]+:appsync:[^:]*:[^:]*:apis\/[^/]+\/channelNamespace\/[^/]+$/;

/** What the deployment puts in place of the shipped files' wildcard ARNs (the ARNs may be CDK tokens). */
export type DeployedResources = {
  stageArns: readonly string[];
  /** One per configured region: the AppSync Events API of that region (what EventConnect authorizes against). */
  eventApiArns: readonly string[];
  /** One per configured region: the `ivs` channel namespace of that API (what EventSubscribe authorizes against). */
  eventNamespaceArns: readonly string[];
};

/** The shipped policy with the deployed ARNs substituted into its Allow statements, as described at the top. */
export function policyForDeployment(doc: PolicyDocumentJson, d: DeployedResources): PolicyDocumentJson {
  const substitute = (r: string): readonly string[] => {
    if (STAGE_ARN_PATTERN.test(r)) return d.stageArns;
    if (EVENT_NAMESPACE_ARN_PATTERN.test(r)) return d.eventNamespaceArns;
    if (EVENT_API_ARN_PATTERN.test(r)) return d.eventApiArns;
    return [r];
  };
  return {
    Version: doc.Version,
    Statement: doc.Statement.map((s) => {
      if (s.Effect !== 'Allow') return s;
      const unique = [...new Set(asList(s.Resource).flatMap(substitute))];
      if (unique.length === 0) throw new Error(`Statement ${s.Sid ?? ''} of a shipped policy would have no resource left after substitution`);
      return { ...s, Resource: unique.length === 1 ? unique[0]! : unique };
    }),
  };
}
