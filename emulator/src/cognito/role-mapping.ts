// An identity pool's role mapping for its user-pool provider, of type Rules: the first rule whose claim matches
// names the role; with AmbiguousRoleResolution Deny, no match means no credentials.

export type MatchType = 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
export type MappingRule = { Claim: string; MatchType: MatchType; Value: string; RoleARN: string };
export type RoleMapping = { Type: 'Rules'; AmbiguousRoleResolution: 'Deny'; RulesConfiguration: { Rules: MappingRule[] } };

export const PRODUCER_ROLE = 'greenroom-producer';
export const SUPPORT_ROLE = 'greenroom-support';

/** The mapping docs/decisions/001 fixes: producer before support, so a user in both groups acts as producer. */
export function defaultRoleMapping(accountId: string): RoleMapping {
  return {
    Type: 'Rules',
    AmbiguousRoleResolution: 'Deny',
    RulesConfiguration: {
      Rules: [
        { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'producer', RoleARN: `arn:aws:iam::${accountId}:role/${PRODUCER_ROLE}` },
        { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'support', RoleARN: `arn:aws:iam::${accountId}:role/${SUPPORT_ROLE}` },
      ],
    },
  };
}

/**
 * AWS is silent on two points (auth-security §13.4): rule order and how Contains treats the array claim
 * cognito:groups. We apply rules in order, first match wins (as the console lists them), and compare each element
 * of an array claim as its own string (Contains = substring), so a rule matches when any element does; NotEqual
 * matches when no element equals the value.
 */
function ruleMatches(rule: MappingRule, claim: unknown): boolean {
  const values = (Array.isArray(claim) ? claim : claim === undefined ? [] : [claim]).filter((v): v is string => typeof v === 'string');
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(rule.Value);
    case 'Contains':
      return values.some((v) => v.includes(rule.Value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.Value));
    case 'NotEqual':
      return !values.includes(rule.Value);
  }
}

/** The role name (the ARN's last segment) the mapping picks for these claims, or undefined for none. */
export function resolveRole(mapping: RoleMapping, claims: Record<string, unknown>): string | undefined {
  const rule = mapping.RulesConfiguration.Rules.find((r) => ruleMatches(r, claims[r.Claim]));
  return rule?.RoleARN.slice(rule.RoleARN.lastIndexOf('/') + 1);
}
