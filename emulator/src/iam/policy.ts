// IAM's decision for calls signed with role credentials: the role's policy document (iam/<role>-policy.json at the
// repository root, the same files the infrastructure deploys) evaluated as IAM does for an identity policy alone:
// an explicit Deny wins, then an Allow, and anything unmatched is an implicit deny. Only Effect, Action and Resource
// are understood; a document using anything else is refused at start-up rather than half-enforced.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Caller } from '../auth/credentials.ts';
import { accessDenied } from '../errors.ts';
import { parseArn } from '../state/arn.ts';

export type Statement = { effect: 'Allow' | 'Deny'; actions: string[]; resources: string[] };
export type Policy = { source: string; statements: Statement[] };

export const IAM_DIR = fileURLToPath(new URL('../../../iam/', import.meta.url));
/** Role name (as the identity pool's role mapping names it) → its policy file in IAM_DIR. */
export const ROLE_POLICY_FILES: Record<string, string> = {
  'greenroom-producer': 'producer-policy.json',
  'greenroom-support': 'support-policy.json',
};

const KNOWN_STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'Resource']);

export function parsePolicy(raw: unknown, source: string): Policy {
  const doc = raw as { Version?: unknown; Statement?: unknown } | null;
  if (!doc || typeof doc !== 'object') throw new Error(`${source}: not a policy document.`);
  if (doc.Version !== '2012-10-17') throw new Error(`${source}: Version must be "2012-10-17".`);
  const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const statements = list.map((s: unknown, i): Statement => {
    const at = `${source}: Statement[${i}]`;
    if (!s || typeof s !== 'object') throw new Error(`${at} is not an object.`);
    const r = s as Record<string, unknown>;
    const extra = Object.keys(r).filter((k) => !KNOWN_STATEMENT_KEYS.has(k));
    if (extra.length > 0) throw new Error(`${at} uses ${extra.join(', ')}, which the emulator does not evaluate; it evaluates Effect, Action and Resource only.`);
    if (r.Effect !== 'Allow' && r.Effect !== 'Deny') throw new Error(`${at}.Effect must be "Allow" or "Deny".`);
    const strings = (v: unknown, name: string) => {
      const a = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(a) || a.length === 0 || !a.every((x) => typeof x === 'string' && x !== '')) throw new Error(`${at}.${name} must be a string or a list of strings.`);
      if (a.some((x: string) => x.includes('${'))) throw new Error(`${at}.${name} uses a policy variable, which the emulator does not evaluate.`);
      return a as string[];
    };
    const actions = strings(r.Action, 'Action');
    for (const a of actions) if (a !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(a)) throw new Error(`${at}: "${a}" is not an action such as ivs:GetStage.`);
    return { effect: r.Effect, actions, resources: strings(r.Resource, 'Resource') };
  });
  return { source, statements };
}

export function loadPolicy(path: string): Policy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read the IAM policy ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parsePolicy(raw, path);
}

/** IAM wildcards: `*` any run of characters, `?` one. Actions compare without regard to case, resources with. */
function wildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

const matches = (s: Statement, action: string, resource: string) =>
  s.actions.some((a) => wildcard(a, true).test(action)) && s.resources.some((r) => wildcard(r, false).test(resource));

export type Decision = { allowed: true } | { allowed: false; resource: string };

/** IAM's evaluation for one action on the resources it is authorized against: every one must be allowed. */
export function evaluate(policy: Policy | undefined, action: string, resources: string[]): Decision {
  for (const resource of resources) {
    const statements = policy?.statements ?? [];
    const denied = statements.some((s) => s.effect === 'Deny' && matches(s, action, resource));
    const allowed = !denied && statements.some((s) => s.effect === 'Allow' && matches(s, action, resource));
    if (!allowed) return { allowed: false, resource };
  }
  return { allowed: true };
}

/** The input members that name the resources an action acts on. */
const ARN_MEMBERS = ['arn', 'stageArn', 'resourceArn', 'sourceStageArn', 'destinationStageArn'] as const;

/**
 * A member's value as IAM's request context would carry it: the ARN when it is one this emulator can read, else the
 * caller's text (printable, at most IAM's 2,048 characters for an ARN) or a neutral stand-in, so an error message
 * never echoes control characters or a megabyte of input.
 */
function resourceText(v: unknown): { text: string; parsed: boolean } {
  if (typeof v === 'string' && parseArn(v)) return { text: v, parsed: true };
  return { text: typeof v === 'string' && /^[\x21-\x7e]{1,2048}$/.test(v) ? v : '(a value that is not an ARN)', parsed: false };
}

/**
 * The resources IAM authorizes an IVS Real-Time action against. AWS is silent on several (which actions need
 * `"Resource": "*"`, whether replication authorizes against both stages); we take ListStages as resource-less ("*"),
 * replication as needing both its source and destination stage, a create as `stage/*` of the account and region, and
 * anything else as the ARN it names. A member present but not a readable ARN stays as the caller wrote it, so it
 * matches no stage pattern: it is never widened to `stage/*`.
 */
export function resourcesOf(operation: string, input: Record<string, unknown>, region: string, accountId: string): string[] {
  if (operation === 'ListStages') return ['*'];
  const arn = (v: unknown) => (v === undefined ? undefined : resourceText(v).text);
  const all = `arn:aws:ivs:${region}:${accountId}:stage/*`;
  if (operation === 'StartParticipantReplication' || operation === 'StopParticipantReplication') {
    return [arn(input.sourceStageArn) ?? all, arn(input.destinationStageArn) ?? all];
  }
  return [arn(input.arn) ?? arn(input.stageArn) ?? arn(input.resourceArn) ?? all];
}

/**
 * The first ARN member the caller gave that this emulator cannot read. IAM cannot match a policy's resources against
 * what it cannot read as an ARN, so such a call is denied whatever the policy says; AWS is silent on the exact
 * text, and we name the value as the resource like any other denial.
 */
export function unreadableResource(input: Record<string, unknown>): string | undefined {
  for (const member of ARN_MEMBERS) {
    const v = input[member];
    if (v === undefined) continue;
    const r = resourceText(v);
    if (!r.parsed) return r.text;
  }
  return undefined;
}

export class RolePolicies {
  private readonly byRole: Map<string, Policy>;

  constructor(byRole: Record<string, Policy>) {
    this.byRole = new Map(Object.entries(byRole));
  }

  /** Loads every role's file from `dir` (the repository's iam/ by default). */
  static load(dir = IAM_DIR): RolePolicies {
    return new RolePolicies(Object.fromEntries(Object.entries(ROLE_POLICY_FILES).map(([role, file]) => [role, loadPolicy(`${dir.replace(/\/?$/, '/')}${file}`)])));
  }

  policy(roleName: string): Policy | undefined {
    return this.byRole.get(roleName);
  }

  /**
   * Throws AccessDeniedException unless the caller's role may run the operation. The static key is the account's
   * admin principal and is not restricted; a role without a policy file is denied everything, as IAM denies a
   * role with no policy attached.
   */
  check(operation: string, caller: Caller, region: string, input: Record<string, unknown>): void {
    if (caller.kind !== 'cognito') return;
    const action = `ivs:${operation}`;
    const unreadable = unreadableResource(input);
    if (unreadable !== undefined) throw accessDenied(`User: ${caller.principalArn} is not authorized to perform: ${action} on resource: ${unreadable}`);
    const decision = evaluate(caller.roleName ? this.byRole.get(caller.roleName) : undefined, action, resourcesOf(operation, input, region, caller.accountId));
    if (decision.allowed) return;
    throw accessDenied(`User: ${caller.principalArn} is not authorized to perform: ${action} on resource: ${decision.resource}`);
  }
}
