// User pool groups and the role claims they put into ID tokens. A group may carry an IAM role ARN and a
// precedence; Cognito then writes `cognito:roles` (every role of the user's groups) and `cognito:preferred_role`
// (the role of the group with the best, i.e. lowest, precedence) into the ID token, and an identity pool with
// Token role mapping assumes the preferred role. Groups are matched by exact name here, never by substring.

export type PoolGroup = {
  name: string;
  description?: string;
  /** arn:aws:iam::<account>:role/<name>: the role this group's members may assume through the identity pool. */
  roleArn?: string;
  /** Non-negative; lower wins. Absent is Cognito's null precedence, which loses to every number. */
  precedence?: number;
};

export type RoleClaims = { 'cognito:roles'?: string[]; 'cognito:preferred_role'?: string };

/**
 * The role claims of a user in `groupNames`, as Cognito documents them: `cognito:roles` is set when at least one of
 * the user's groups has a role; `cognito:preferred_role` is the role of the group with the lowest precedence, or the
 * only role when there is one; when several groups share the best precedence with different roles (or none has a
 * precedence and their roles differ), no preferred role is set. A name the pool has no group for carries no role.
 */
export function roleClaims(groupNames: readonly string[], groups: readonly PoolGroup[]): RoleClaims {
  const byName = new Map(groups.map((g) => [g.name, g]));
  const withRole = [...new Set(groupNames)].map((n) => byName.get(n)).filter((g): g is PoolGroup & { roleArn: string } => Boolean(g?.roleArn));
  if (withRole.length === 0) return {};
  const rank = (g: PoolGroup) => g.precedence ?? Number.POSITIVE_INFINITY;
  // AWS is silent on the order of cognito:roles; ours is by precedence, then group name, without repeats.
  const ordered = [...withRole].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const roles = [...new Set(ordered.map((g) => g.roleArn))];
  if (roles.length === 1) return { 'cognito:roles': roles, 'cognito:preferred_role': roles[0] };
  const best = rank(ordered[0]);
  const bestRoles = new Set(ordered.filter((g) => rank(g) === best).map((g) => g.roleArn));
  return { 'cognito:roles': roles, ...(bestRoles.size === 1 ? { 'cognito:preferred_role': [...bestRoles][0] } : {}) };
}
