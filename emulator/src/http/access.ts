// Extra denials set through the control API, on top of the role policies that iam/policy.ts evaluates: a list of
// denied `ivs:` actions, for every caller or for one access key, so a test can take one permission away from a
// caller whose role grants it. A denied call answers AccessDeniedException with the text IAM writes.
import type { Caller } from '../auth/credentials.ts';
import { ivsRealtimeModel as model } from '../model/generated/ivs-realtime.ts';
import { parseArn } from '../state/arn.ts';
import { accessDenied } from '../errors.ts';

export type AccessRule = {
  /** Denied actions: `ivs:<Operation>`, with `*` matching any run of characters (`ivs:List*`). */
  deny: string[];
  /** The access key the denial applies to; absent = every caller. */
  accessKeyId?: string;
};

// Input members that name the resource an action is authorized against, in the order IAM would check them.
// AWS is silent on which ARN Start/StopParticipantReplication authorize first; we name the source stage, because
// the README's choice is to authorize both and the source is the one the caller acts on.
const RESOURCE_MEMBERS = ['arn', 'stageArn', 'sourceStageArn', 'destinationStageArn', 'resourceArn'] as const;

function matcher(action: string): RegExp {
  const source = action.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  // IAM compares action names without regard to case.
  return new RegExp(`^${source}$`, 'i');
}

function checkRule(rule: AccessRule): void {
  if (!Array.isArray(rule.deny)) throw new RangeError('deny must be a list of actions such as "ivs:GetStage".');
  if (rule.accessKeyId !== undefined && (typeof rule.accessKeyId !== 'string' || rule.accessKeyId === '')) {
    throw new RangeError('accessKeyId must be a non-empty string when given.');
  }
  const operations = Object.keys(model.operations);
  for (const action of rule.deny) {
    if (typeof action !== 'string' || !/^ivs:[A-Za-z*]+$/.test(action)) {
      throw new RangeError(`"${String(action)}" is not an action: write ivs:<Operation>, e.g. ivs:GetStage or ivs:List*.`);
    }
    // A typo would silently deny nothing; every action must name at least one operation of the model.
    if (!operations.some((op) => matcher(action).test(`ivs:${op}`))) {
      throw new RangeError(`${action} names no IVS Real-Time operation.`);
    }
  }
}

export class AccessPolicy {
  private rules: AccessRule[] = [];

  /** Replaces the denial for the rule's scope (every caller, or its one access key). */
  set(rule: AccessRule): void {
    checkRule(rule);
    this.rules = this.rules.filter((r) => r.accessKeyId !== rule.accessKeyId);
    if (rule.deny.length > 0) this.rules.push({ deny: [...rule.deny], ...(rule.accessKeyId ? { accessKeyId: rule.accessKeyId } : {}) });
  }

  list(): AccessRule[] {
    return this.rules.map((r) => ({ ...r, deny: [...r.deny] }));
  }

  clear(): void {
    this.rules = [];
  }

  /** Throws AccessDeniedException when the caller may not run the operation. */
  check(operation: string, caller: Caller, region: string, input: Record<string, unknown>): void {
    const action = `ivs:${operation}`;
    const denied = this.rules.some(
      (r) => (!r.accessKeyId || r.accessKeyId === caller.accessKeyId) && r.deny.some((a) => matcher(a).test(action)),
    );
    if (!denied) return;
    throw accessDenied(`User: ${caller.principalArn} is not authorized to perform: ${action} on resource: ${resourceOf(input, region, caller.accountId)}`);
  }
}

/** The resource IAM names: the ARN the input acts on, or every stage of the account when it names none. */
function resourceOf(input: Record<string, unknown>, region: string, accountId: string): string {
  for (const member of RESOURCE_MEMBERS) {
    const v = input[member];
    // The input is not validated yet: only a well-formed ARN is echoed, never arbitrary caller text.
    if (typeof v === 'string' && parseArn(v)) return v;
  }
  return `arn:aws:ivs:${region}:${accountId}:stage/*`;
}
