// Cognito Identity, enhanced flow only: GetId and GetCredentialsForIdentity for the configured identity pools.
// Both are unsigned public operations on AWS; the server routes here by X-Amz-Target and serialises ServiceError.
// Authenticated identities come from the emulator's user pool: the ID token is verified on both calls, one user
// (sub) keeps one identity per pool, and the pool's role mapping takes the role from the token's
// cognito:preferred_role (Token mapping; see role-mapping.ts).
import { randomUUID } from 'node:crypto';
import type { CredentialStore } from '../auth/credentials.ts';
import { cognitoIdentityModel as model } from '../model/generated/cognito-identity.ts';
import type { UserPool } from '../userpool/pool.ts';
import { cognitoError, notAuthorized, resourceNotFound } from './errors.ts';
import { type VerifiedLogin, verifyLogins } from './login-token.ts';
import { ROLE_POLICY_FILES } from '../iam/policy.ts';
import { chooseRole, type RoleMapping, SUPPORT_ROLE } from './role-mapping.ts';
import { validateInput } from './validate-input.ts';

export type IdentityPoolConfig = {
  id: string;
  region: string;
  allowUnauthenticated: boolean;
  /** Role mapping for the user-pool provider; without one, authenticated identities get no credentials. */
  roleMapping?: RoleMapping;
};

/** `login`: `<providerName>/<sub>` of an authenticated identity; absent for an unauthenticated one. */
type Identity = { id: string; poolId: string; createdAt: number; login?: string };
type Snapshot = { version: 1; identities: Identity[] };

export type GetIdOutput = { IdentityId: string };
export type GetCredentialsForIdentityOutput = {
  IdentityId: string;
  /** Expiration in epoch seconds, a JSON number, as awsJson1_1 sends timestamps. */
  Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
};

const TARGET_PREFIX = `${model.metadata.targetPrefix}.`;
const DEFAULT_TTL_MS = 60 * 60 * 1000;

// Every operation of the Cognito Identity API (2014-06-30): a real operation the emulator lacks gets a clear
// "not supported by this emulator" answer instead of a fake success or a vague unknown-operation error.
const COGNITO_OPERATIONS = new Set([
  'CreateIdentityPool', 'DeleteIdentities', 'DeleteIdentityPool', 'DescribeIdentity', 'DescribeIdentityPool',
  'GetCredentialsForIdentity', 'GetId', 'GetIdentityPoolRoles', 'GetOpenIdToken', 'GetOpenIdTokenForDeveloperIdentity',
  'GetPrincipalTagAttributeMap', 'ListIdentities', 'ListIdentityPools', 'ListTagsForResource', 'LookupDeveloperIdentity',
  'MergeDeveloperIdentities', 'SetIdentityPoolRoles', 'SetPrincipalTagAttributeMap', 'TagResource', 'UnlinkDeveloperIdentity',
  'UnlinkIdentity', 'UntagResource', 'UpdateIdentityPool',
]);

const UNAUTHENTICATED_OFF = 'Unauthenticated access is not supported for this identity pool.';
const LOGINS_MISMATCH = "Logins don't match. Please include at least one valid login for this identity or identity pool.";
// AWS is silent on the text (and on NotAuthorized vs InvalidIdentityPoolConfiguration) when
// the token names no single role and AmbiguousRoleResolution is Deny; we answer NotAuthorized with role-mapping.ts's
// text, as docs/decisions/002 records.
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
// AWS would give unauthenticated identities the pool's unauthenticated role; the emulator has policy files for
// staff roles only, so when unauthenticated access is switched on (a demo option) they act as read-only support.
const UNAUTHENTICATED_ROLE = SUPPORT_ROLE;

export class CognitoIdentityService {
  private readonly accountId: string;
  private readonly pools: Map<string, IdentityPoolConfig>;
  private readonly credentials: CredentialStore;
  private readonly credentialTtlMs: number;
  private readonly now: () => number;
  private readonly identities = new Map<string, Identity>();
  private readonly userPool: UserPool | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(opts: {
    accountId: string;
    pools: IdentityPoolConfig[];
    credentials: CredentialStore;
    credentialTtlMs?: number;
    now?: () => number;
    /** The user pool every identity pool trusts as its provider. */
    userPool?: UserPool;
  }) {
    this.userPool = opts.userPool;
    this.accountId = opts.accountId;
    this.pools = new Map(opts.pools.map((p) => [p.id, p]));
    this.credentials = opts.credentials;
    this.credentialTtlMs = opts.credentialTtlMs ?? DEFAULT_TTL_MS;
    this.now = opts.now ?? Date.now;
  }

  async handle(target: string, body: unknown): Promise<unknown> {
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    // An awsJson body the SDK sends for an empty input is `{}`; an absent body is read the same way.
    const input = body === undefined ? {} : body;
    if (operation === 'GetId') return this.getId(input);
    if (operation === 'GetCredentialsForIdentity') return this.getCredentialsForIdentity(input);
    // UnknownOperationException (400) is what AWS JSON services send for a target they do not serve.
    if (operation !== undefined && COGNITO_OPERATIONS.has(operation)) {
      throw cognitoError('UnknownOperationException', `Operation ${operation} is not supported by this emulator.`);
    }
    throw cognitoError('UnknownOperationException', `Unknown operation: X-Amz-Target '${clip(target)}'.`);
  }

  /** Called after every new identity (the data file saves then): a user keeps its identity id across restarts. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  snapshot(): unknown {
    const s: Snapshot = { version: 1, identities: [...this.identities.values()] };
    return s;
  }

  /** Accepts only what snapshot() wrote; malformed entries are skipped. */
  restore(s: unknown): void {
    this.identities.clear();
    if (!s || typeof s !== 'object' || !Array.isArray((s as Snapshot).identities)) return;
    for (const i of (s as Snapshot).identities) {
      if (i && typeof i.id === 'string' && typeof i.poolId === 'string' && typeof i.createdAt === 'number') {
        this.identities.set(i.id, { id: i.id, poolId: i.poolId, createdAt: i.createdAt, ...(typeof i.login === 'string' ? { login: i.login } : {}) });
      }
    }
  }

  private async getId(input: unknown): Promise<GetIdOutput> {
    validateInput('GetIdInput', input);
    const { IdentityPoolId, AccountId, Logins } = input as { IdentityPoolId: string; AccountId?: string; Logins?: Record<string, string> };
    const pool = this.pools.get(IdentityPoolId);
    // AWS is silent on a foreign AccountId; we answer as for a pool that does not exist in that account.
    if (!pool || (AccountId !== undefined && AccountId !== null && AccountId !== this.accountId)) {
      throw resourceNotFound(`IdentityPool '${IdentityPoolId}' not found.`);
    }
    const login = await this.checkLogins(pool, Logins);
    const key = login && `${login.providerName}/${login.sub}`;
    // One user keeps one identity per pool; without Logins AWS mints a fresh identity on every call (clients
    // cache the id themselves).
    const existing = key ? [...this.identities.values()].find((i) => i.poolId === pool.id && i.login === key) : undefined;
    if (existing) return { IdentityId: existing.id };
    const identity: Identity = { id: `${pool.region}:${randomUUID()}`, poolId: pool.id, createdAt: this.now(), ...(key ? { login: key } : {}) };
    this.identities.set(identity.id, identity);
    for (const l of this.listeners) l();
    return { IdentityId: identity.id };
  }

  private async getCredentialsForIdentity(input: unknown): Promise<GetCredentialsForIdentityOutput> {
    validateInput('GetCredentialsForIdentityInput', input);
    // CustomRoleArn only picks among roles of an authenticated token; AWS is silent on it for an unauthenticated
    // identity, and we ignore it there.
    const { IdentityId, Logins, CustomRoleArn } = input as { IdentityId: string; Logins?: Record<string, string>; CustomRoleArn?: string | null };
    const identity = this.identities.get(IdentityId);
    // AWS is silent on the text; ours names the identity.
    if (!identity) throw resourceNotFound(`Identity '${IdentityId}' not found.`);
    const pool = this.pools.get(identity.poolId);
    // A data file may hold identities of a pool no longer configured; they are as gone as their pool.
    if (!pool) throw resourceNotFound(`IdentityPool '${identity.poolId}' not found.`);
    const login = await this.checkLogins(pool, Logins, identity);
    let roleName = UNAUTHENTICATED_ROLE;
    if (login) {
      if (identity.login !== `${login.providerName}/${login.sub}`) throw notAuthorized(LOGINS_MISMATCH);
      if (!pool.roleMapping) throw notAuthorized('Unable to determine a role for this user: the identity pool has no role mapping for its user pool.');
      const choice = chooseRole(pool.roleMapping, login.claims, CustomRoleArn);
      if ('denied' in choice) throw notAuthorized(choice.denied);
      roleName = this.assumable(choice.roleArn);
    }
    const issued = this.credentials.issueTemporary(identity.id, this.credentialTtlMs, { roleName });
    return {
      IdentityId: identity.id,
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        SecretKey: issued.secretAccessKey,
        SessionToken: issued.sessionToken,
        Expiration: issued.expiration / 1000,
      },
    };
  }

  /**
   * The role name STS would let this identity pool assume. The emulator's account has exactly the staff roles that
   * have policy files (iam/*.json), each trusting every emulator identity pool; any other ARN is refused the way AWS
   * reports an STS refusal to assume the mapped role (InvalidIdentityPoolConfigurationException); AWS is silent on
   * the text for this case, and ours names the role.
   */
  private assumable(roleArn: string): string {
    const m = ROLE_ARN.exec(roleArn);
    if (!m || m[1] !== this.accountId || !Object.hasOwn(ROLE_POLICY_FILES, m[2])) {
      throw cognitoError('InvalidIdentityPoolConfigurationException', `Invalid identity pool configuration. Check assigned IAM roles for this pool: ${clip(roleArn)} is not a role of account ${this.accountId} that trusts this identity pool.`);
    }
    return m[2];
  }

  /**
   * A verified login, or undefined for an unauthenticated call, which needs the pool's consent. An authenticated
   * identity asked for without its login is refused: AWS is silent on the text, and we use its "Logins don't
   * match" one.
   */
  private async checkLogins(pool: IdentityPoolConfig, logins: Record<string, string> | undefined | null, identity?: Identity): Promise<VerifiedLogin | undefined> {
    if (logins && Object.keys(logins).length > 0) return verifyLogins(logins, this.userPool, this.now());
    if (identity?.login) throw notAuthorized(LOGINS_MISMATCH);
    if (!pool.allowUnauthenticated) throw notAuthorized(UNAUTHENTICATED_OFF);
    return undefined;
  }
}

// An ASCII ellipsis: messages may also travel in x-amzn-ErrorMessage, and header values must be Latin-1.
function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 64)}...` : s;
}
