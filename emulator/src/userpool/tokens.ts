// The user pool's signing key and its JWTs: RS256 with a `kid`, claims as docs/decisions/001 lists them. The
// private key lives only in memory and in the emulator's own data file.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject, randomUUID } from 'node:crypto';
import { compactVerify, createLocalJWKSet, decodeJwt, type JSONWebKeySet, type JWK, type JWTPayload, SignJWT } from 'jose';
import { ID_TOKEN_TTL_S } from './config.ts';
import { type PoolGroup, roleClaims } from './groups.ts';
import type { PoolUser } from './users.ts';

export class SigningKey {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicJwk: JWK;

  private constructor(privateKey: KeyObject) {
    this.privateKey = privateKey;
    const pub = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
    // AWS is silent on how a kid is made (Cognito's are opaque base64); ours is a hash of the public key, so a
    // restored key keeps its kid.
    this.kid = createHash('sha256').update(`${pub.n}.${pub.e}`).digest('base64').slice(0, 43);
    this.publicJwk = { alg: 'RS256', e: pub.e, kid: this.kid, kty: 'RSA', n: pub.n, use: 'sig' };
  }

  static generate(): SigningKey {
    return new SigningKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
  }

  /** From what toJSON() wrote; undefined if it is not an RSA private key. */
  static restore(jwk: unknown): SigningKey | undefined {
    try {
      const key = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
      return key.asymmetricKeyType === 'rsa' ? new SigningKey(key) : undefined;
    } catch {
      return undefined;
    }
  }

  toJSON(): JWK {
    return this.privateKey.export({ format: 'jwk' }) as JWK;
  }

  jwks(): JSONWebKeySet {
    return { keys: [{ ...this.publicJwk }] };
  }

  sign(payload: JWTPayload): Promise<string> {
    return new SignJWT(payload).setProtectedHeader({ kid: this.kid, alg: 'RS256' }).sign(this.privateKey);
  }

  /** Verifies an RS256 signature against this key's JWKS and returns the claims; throws on any failure. */
  async verify(token: string): Promise<JWTPayload> {
    await compactVerify(token, createLocalJWKSet(this.jwks()), { algorithms: ['RS256'] });
    return decodeJwt(token);
  }
}

export type TokenContext = {
  issuer: string;
  clientId: string;
  user: PoolUser;
  /** The pool's groups: the user's groups among them give the ID token its role claims. */
  groups: readonly PoolGroup[];
  /** Epoch seconds. */
  now: number;
  authTime: number;
  scope: string;
  nonce?: string;
  /** Ties tokens to the refresh token (Cognito's origin_jti), so revoking it also revokes them. */
  originJti: string;
};

export async function mintTokens(key: SigningKey, c: TokenContext): Promise<{ idToken: string; accessToken: string }> {
  const common = {
    sub: c.user.sub,
    iss: c.issuer,
    ...(c.user.groups.length > 0 ? { 'cognito:groups': [...c.user.groups] } : {}),
    auth_time: c.authTime,
    iat: c.now,
    exp: c.now + ID_TOKEN_TTL_S,
    origin_jti: c.originJti,
    event_id: randomUUID(),
  };
  const idToken = await key.sign({
    ...common,
    aud: c.clientId,
    token_use: 'id',
    'cognito:username': c.user.username,
    // Role claims are in the ID token only (the one an identity pool reads), as Cognito issues them.
    ...roleClaims(c.user.groups, c.groups),
    ...(c.user.email ? { email: c.user.email, email_verified: true } : {}),
    ...(c.nonce ? { nonce: c.nonce } : {}),
    jti: randomUUID(),
  });
  const accessToken = await key.sign({
    ...common,
    client_id: c.clientId,
    token_use: 'access',
    scope: c.scope,
    username: c.user.username,
    jti: randomUUID(),
  });
  return { idToken, accessToken };
}
