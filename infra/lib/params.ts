// The stack's parameters, read from CDK context (`cdk deploy -c regions=us-east-1,us-west-2 -c domainPrefix=…`,
// or a "context" entry in cdk.json / cdk.context.json). Everything is checked here, before any construct exists,
// so a typo fails the synth with the parameter's name instead of failing half-way through a deployment.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';

/** infra/ (this file is infra/lib/params.ts). */
export const INFRA_DIR = fileURLToPath(new URL('../', import.meta.url));
/** The repository root: iam/, public/config.json and dist/ live there. */
export const REPO_DIR = resolve(INFRA_DIR, '..');

export type GreenroomParams = {
  /** IVS Real-Time regions the console manages (config.json `regions`, CSP, default stage ARNs). */
  regions: string[];
  /** Prefix of the Cognito sign-in domain (classic hosted UI): https://<prefix>.auth.<region>.amazoncognito.com. */
  domainPrefix: string;
  /** Stage ARNs the staff roles may touch; default one `arn:aws:ivs:<region>:<account>:stage/*` per region. */
  stageArns: string[];
  /** The built app (vite build output). */
  distDir: string;
  /** Optional custom domain for the distribution, with an ACM certificate in us-east-1 (enforces TLS 1.2_2021). */
  domainName?: string;
  certificateArn?: string;
  /** Cognito Plus feature plan with threat protection enforced (costs more per MAU); default off. */
  threatProtection: boolean;
  /**
   * Keep the user pool (and its staff, their groups and TOTP enrolments) when the stack is destroyed, with deletion
   * protection on; default true. `-c retainUserPool=false` is for throwaway stacks.
   */
  retainUserPool: boolean;
};

/** A context flag given as true/false (the CLI passes strings, cdk.json booleans); undefined when absent. */
export function flag(name: string, v: unknown, problems: string[]): boolean | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  problems.push(`${name}: "${String(v)}" must be true or false`);
  return undefined;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
// Cognito: lowercase letters, digits and hyphens, 1–63, not starting or ending with a hyphen; "aws", "amazon" and
// "cognito" are reserved words in prefixes.
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const STAGE_ARN = /^arn:aws[a-z-]*:ivs:([a-z0-9-]+|\*):(\d{12}|\*):stage\/[A-Za-z0-9*?]+$/;
const ACM_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;

/** A context value given as a JSON array, a comma-separated string, or (from cdk.json) an array. */
function list(v: unknown): string[] | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v)) return v.map(String).map((s) => s.trim()).filter(Boolean);
  const s = String(v).trim();
  if (s.startsWith('[')) return (JSON.parse(s) as unknown[]).map(String).map((x) => x.trim()).filter(Boolean);
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

function optionalString(v: unknown): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : String(v).trim();
}

export function readParams(node: Node, env: { account: string; region: string }): GreenroomParams {
  const problems: string[] = [];
  const ctx = (key: string): unknown => node.tryGetContext(key);

  const regions = list(ctx('regions')) ?? [env.region];
  for (const r of regions) if (!REGION.test(r)) problems.push(`regions: "${r}" is not an AWS region code such as us-east-1`);
  if (new Set(regions).size !== regions.length) problems.push('regions: a region is listed twice');

  const domainPrefix = optionalString(ctx('domainPrefix'));
  if (!domainPrefix) {
    problems.push('domainPrefix: required, the Cognito sign-in domain prefix (https://<prefix>.auth.<region>.amazoncognito.com), unique in the region');
  } else if (!DOMAIN_PREFIX.test(domainPrefix) || /aws|amazon|cognito/.test(domainPrefix)) {
    problems.push(`domainPrefix: "${domainPrefix}" must be lowercase letters, digits and hyphens, and must not contain aws, amazon or cognito`);
  }

  const stageArns = list(ctx('stageArns')) ?? regions.map((r) => `arn:aws:ivs:${r}:${env.account}:stage/*`);
  if (stageArns.length === 0) problems.push('stageArns: at least one stage ARN');
  for (const a of stageArns) {
    const m = STAGE_ARN.exec(a);
    if (!m) problems.push(`stageArns: "${a}" is not an IVS stage ARN such as arn:aws:ivs:us-east-1:${env.account}:stage/* (or …:stage/<id>)`);
    else if (m[2] !== '*' && m[2] !== env.account) problems.push(`stageArns: "${a}" is in account ${m[2]}, but this stack deploys to ${env.account}`);
  }

  const distDir = resolve(INFRA_DIR, optionalString(ctx('distDir')) ?? '../dist');
  if (!existsSync(resolve(distDir, 'index.html')) || !statSync(distDir).isDirectory()) {
    problems.push(`distDir: ${distDir} has no index.html; run \`npm run build\` at the repository root first`);
  }

  const domainName = optionalString(ctx('domainName'));
  const certificateArn = optionalString(ctx('certificateArn'));
  if (Boolean(domainName) !== Boolean(certificateArn)) problems.push('domainName and certificateArn: give both or neither');
  if (certificateArn && !ACM_ARN.test(certificateArn)) problems.push('certificateArn: must be an ACM certificate in us-east-1 (CloudFront requires it)');

  const threatProtection = flag('threatProtection', ctx('threatProtection'), problems) ?? false;
  const retainUserPool = flag('retainUserPool', ctx('retainUserPool'), problems) ?? true;

  if (problems.length) throw new Error(`Greenroom stack parameters:\n  ${problems.join('\n  ')}`);
  return {
    regions,
    domainPrefix: domainPrefix!,
    stageArns,
    distDir,
    ...(domainName ? { domainName, certificateArn } : {}),
    threatProtection,
    retainUserPool,
  };
}
