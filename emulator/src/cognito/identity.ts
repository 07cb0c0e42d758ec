// Cognito Identity, enhanced flow only: GetId and GetCredentialsForIdentity for the configured identity pools.
// Both are unsigned public operations on AWS; the server routes here by X-Amz-Target and serialises ServiceError.
import { randomUUID } from 'node:crypto';
import type { CredentialStore } from '../auth/credentials.ts';
import { cognitoIdentityModel as model } from '../model/generated/cognito-identity.ts';
import { cognitoError, notAuthorized, resourceNotFound } from './errors.ts';
import { validateInput } from './validate-input.ts';

export type IdentityPoolConfig = { id: string; region: string; allowUnauthenticated: boolean };

type Identity = { id: string; poolId: string; createdAt: number };
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

// Sign-in (user pools and ID-token verification) arrives with a later issue; until then any Logins map is
// refused the way AWS refuses a token from a provider the pool does not trust.
const UNSUPPORTED_PROVIDER = 'Token is not from a supported provider of this identity pool.';
const UNAUTHENTICATED_OFF = 'Unauthenticated access is not supported for this identity pool.';

export class CognitoIdentityService {
  private readonly accountId: string;
  private readonly pools: Map<string, IdentityPoolConfig>;
  private readonly credentials: CredentialStore;
  private readonly credentialTtlMs: number;
  private readonly now: () => number;
  private readonly identities = new Map<string, Identity>();

  constructor(opts: {
    accountId: string;
    pools: IdentityPoolConfig[];
    credentials: CredentialStore;
    credentialTtlMs?: number;
    now?: () => number;
  }) {
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
        this.identities.set(i.id, { id: i.id, poolId: i.poolId, createdAt: i.createdAt });
      }
    }
  }

  private getId(input: unknown): GetIdOutput {
    validateInput('GetIdInput', input);
    const { IdentityPoolId, AccountId, Logins } = input as { IdentityPoolId: string; AccountId?: string; Logins?: Record<string, string> };
    const pool = this.pools.get(IdentityPoolId);
    // AWS is silent on a foreign AccountId; we answer as for a pool that does not exist in that account.
    if (!pool || (AccountId !== undefined && AccountId !== null && AccountId !== this.accountId)) {
      throw resourceNotFound(`IdentityPool '${IdentityPoolId}' not found.`);
    }
    this.checkLogins(pool, Logins);
    // Without Logins AWS mints a fresh identity on every call (clients cache the id themselves).
    const identity: Identity = { id: `${pool.region}:${randomUUID()}`, poolId: pool.id, createdAt: this.now() };
    this.identities.set(identity.id, identity);
    return { IdentityId: identity.id };
  }

  private getCredentialsForIdentity(input: unknown): GetCredentialsForIdentityOutput {
    validateInput('GetCredentialsForIdentityInput', input);
    // CustomRoleArn only picks among roles of an authenticated token; AWS is silent on it for an unauthenticated
    // identity, and we ignore it there.
    const { IdentityId, Logins } = input as { IdentityId: string; Logins?: Record<string, string> };
    const identity = this.identities.get(IdentityId);
    // AWS is silent on the text (reference §13.6); ours names the identity.
    if (!identity) throw resourceNotFound(`Identity '${IdentityId}' not found.`);
    const pool = this.pools.get(identity.poolId);
    // A data file may hold identities of a pool no longer configured; they are as gone as their pool.
    if (!pool) throw resourceNotFound(`IdentityPool '${identity.poolId}' not found.`);
    this.checkLogins(pool, Logins);
    const issued = this.credentials.issueTemporary(identity.id, this.credentialTtlMs);
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

  /** Unauthenticated access needs the pool's consent; any login is refused until sign-in exists. */
  private checkLogins(pool: IdentityPoolConfig, logins: Record<string, string> | undefined | null): void {
    if (logins && Object.keys(logins).length > 0) throw notAuthorized(UNSUPPORTED_PROVIDER);
    if (!pool.allowUnauthenticated) throw notAuthorized(UNAUTHENTICATED_OFF);
  }
}

// An ASCII ellipsis: messages may also travel in x-amzn-ErrorMessage, and header values must be Latin-1.
function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 64)}...` : s;
}
