// An identity pool's role mapping for its user-pool provider, of type Token: the role comes from the ID token's
// cognito:roles and cognito:preferred_role, which the user pool writes from the groups' role ARNs and precedence
// (emulator/src/userpool/groups.ts). With AmbiguousRoleResolution Deny, a token that names no single preferred
// role gets no credentials. No claim is ever compared by substring, so a group named producer-trainee or
// notproducer buys nothing unless the pool gives that group a role.

export type RoleMapping = { Type: 'Token'; AmbiguousRoleResolution: 'Deny' };

export const PRODUCER_ROLE = 'greenroom-producer';
export const SUPPORT_ROLE = 'greenroom-support';

/** The mapping infra/ deploys and docs/decisions/002 records. */
export function defaultRoleMapping(): RoleMapping {
  return { Type: 'Token', AmbiguousRoleResolution: 'Deny' };
}

export type RoleChoice = { roleArn: string } | { denied: string };

/**
 * cognito:roles as a list. Cognito's ID tokens carry a JSON array; its developer guide calls the claim a
 * comma-separated string, so both are read. Anything else counts as no roles.
 */
export function rolesClaim(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((r): r is string => typeof r === 'string' && r !== '');
  if (typeof claim === 'string') return claim.split(',').map((r) => r.trim()).filter(Boolean);
  return [];
}

/**
 * The role for these ID-token claims, in the order Cognito's developer guide gives ("Using tokens to assign roles
 * to users"): a CustomRoleArn is used if the token's cognito:roles holds it, and refused otherwise; else
 * cognito:preferred_role; else AmbiguousRoleResolution decides, and Deny refuses.
 */
export function chooseRole(_mapping: RoleMapping, claims: Record<string, unknown>, customRoleArn?: string | null): RoleChoice {
  const roles = rolesClaim(claims['cognito:roles']);
  if (customRoleArn !== undefined && customRoleArn !== null) {
    if (roles.includes(customRoleArn)) return { roleArn: customRoleArn };
    return { denied: `CustomRoleArn ${customRoleArn} is not one of the roles in the token (cognito:roles).` };
  }
  const preferred = claims['cognito:preferred_role'];
  if (typeof preferred === 'string' && preferred !== '') return { roleArn: preferred };
  // AWS is silent on a token with no cognito:roles at all under Token mapping; we treat it as ambiguous, so Deny
  // refuses it (as AuthenticatedRole would hand out the default role).
  return {
    denied: roles.length
      ? 'Unable to determine a role for this user: the token has several roles (cognito:roles) and no cognito:preferred_role, and AmbiguousRoleResolution is Deny.'
      : 'Unable to determine a role for this user: the token has no role (its groups carry none), and AmbiguousRoleResolution is Deny.',
  };
}
