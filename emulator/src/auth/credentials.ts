// The AWS credentials the emulator knows: one documented static key pair (for the CLI and scripts) and the
// temporary credentials it issues through Cognito Identity. The SigV4 check looks keys up here.
import { randomBytes } from 'node:crypto';

/** Documented in the emulator README; any SDK or the AWS CLI can sign with it. Never a real AWS key. */
export const STATIC_ACCESS_KEY_ID = 'AKIAGREENROOM0000001';
export const STATIC_SECRET_ACCESS_KEY = 'greenroomLocalEmulatorSecretKey000000001';

export type Caller = {
  accessKeyId: string;
  accountId: string;
  principalArn: string;
  kind: 'static' | 'cognito';
  identityId?: string;
  /** The IAM role of Cognito-issued credentials, whose policy decides what they may do. */
  roleName?: string;
  /** Epoch ms; temporary credentials only. */
  expiresAt?: number;
};

export type TemporaryCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch ms, a whole second (Cognito sends epoch seconds, so both sides agree on the instant). */
  expiration: number;
};

type IssuedKey = TemporaryCredentials & { identityId: string; principalArn: string; roleName?: string };
type Snapshot = { version: 1; issued: IssuedKey[] };

/** Role session name AWS gives Cognito-issued credentials (`…:assumed-role/<role>/CognitoIdentityCredentials`). */
const COGNITO_SESSION_NAME = 'CognitoIdentityCredentials';
// The role of credentials issued without one named; the identity pool's role mapping names it on every issue.
const DEFAULT_ROLE_NAME = 'greenroom-unauthenticated';
// Expired keys are kept a while so a late request gets ExpiredToken rather than UnrecognizedClient (AWS is silent
// on how long it tells the two apart); after this, they are forgotten to bound memory and the data file.
const RETAIN_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;

// Access key ids use AWS's alphabet: upper-case letters and digits 2-7 (base32).
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomKeyId(): string {
  const bytes = randomBytes(16);
  let id = 'ASIA';
  for (const b of bytes) id += KEY_ALPHABET[b & 31];
  return id;
}

export class CredentialStore {
  readonly accountId: string;
  /** Semantic clock: tests may advance it to expire credentials. */
  readonly now: () => number;
  private readonly issued = new Map<string, IssuedKey>();
  private readonly listeners: (() => void)[] = [];

  constructor(opts: { accountId: string; now?: () => number }) {
    this.accountId = opts.accountId;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Mints ASIA… credentials for a Cognito identity, acting as `roleName` (the identity pool's role mapping
   * decides it).
   */
  issueTemporary(identityId: string, ttlMs: number, opts: { roleName?: string } = {}): TemporaryCredentials {
    const now = this.now();
    this.prune(now);
    const role = opts.roleName ?? DEFAULT_ROLE_NAME;
    const key: IssuedKey = {
      accessKeyId: randomKeyId(),
      // 30 random bytes → 40 base64 characters, the length of a real secret key.
      secretAccessKey: randomBytes(30).toString('base64'),
      // Real session tokens are several hundred opaque base64 characters; 384 random bytes → 512 chars.
      sessionToken: randomBytes(384).toString('base64'),
      expiration: Math.floor((now + ttlMs) / 1000) * 1000,
      identityId,
      principalArn: `arn:aws:sts::${this.accountId}:assumed-role/${role}/${COGNITO_SESSION_NAME}`,
      roleName: role,
    };
    this.issued.set(key.accessKeyId, key);
    // Credentials STS has handed out stay valid until they expire, whatever happens to the service: saved at once.
    for (const l of this.listeners) l();
    return {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      sessionToken: key.sessionToken,
      expiration: key.expiration,
    };
  }

  /** Finds a key, expired or not; the caller decides what expiry means (ExpiredTokenException). */
  find(accessKeyId: string): { secretAccessKey: string; sessionToken?: string; caller: Caller } | undefined {
    if (accessKeyId === STATIC_ACCESS_KEY_ID) {
      return {
        secretAccessKey: STATIC_SECRET_ACCESS_KEY,
        caller: {
          accessKeyId,
          accountId: this.accountId,
          // AWS is silent (the key is the emulator's own); we present it as an IAM user of the account.
          principalArn: `arn:aws:iam::${this.accountId}:user/greenroom-local`,
          kind: 'static',
        },
      };
    }
    const key = this.issued.get(accessKeyId);
    if (!key) return undefined;
    return {
      secretAccessKey: key.secretAccessKey,
      sessionToken: key.sessionToken,
      caller: {
        accessKeyId,
        accountId: this.accountId,
        principalArn: key.principalArn,
        kind: 'cognito',
        identityId: key.identityId,
        // Keys saved before roles existed carry only the ARN; the role is its second-to-last segment.
        roleName: key.roleName ?? /:assumed-role\/([^/]+)\//.exec(key.principalArn)?.[1],
        expiresAt: key.expiration,
      },
    };
  }

  /** Called after every issue (the data file saves then). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  snapshot(): unknown {
    const s: Snapshot = { version: 1, issued: [...this.issued.values()] };
    return s;
  }

  /** Accepts only what snapshot() wrote; anything malformed is skipped rather than trusted. */
  restore(s: unknown): void {
    this.issued.clear();
    if (!s || typeof s !== 'object' || !Array.isArray((s as Snapshot).issued)) return;
    for (const k of (s as Snapshot).issued) {
      if (isIssuedKey(k)) this.issued.set(k.accessKeyId, { ...k });
    }
  }

  private prune(now: number): void {
    for (const [id, key] of this.issued) {
      if (key.expiration + RETAIN_AFTER_EXPIRY_MS < now) this.issued.delete(id);
    }
  }
}

function isIssuedKey(k: unknown): k is IssuedKey {
  if (!k || typeof k !== 'object') return false;
  const r = k as Record<string, unknown>;
  return (
    typeof r.accessKeyId === 'string' &&
    typeof r.secretAccessKey === 'string' &&
    typeof r.sessionToken === 'string' &&
    typeof r.expiration === 'number' &&
    typeof r.identityId === 'string' &&
    typeof r.principalArn === 'string'
  );
}
