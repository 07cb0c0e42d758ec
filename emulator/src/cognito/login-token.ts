// Verification of a Logins entry: the ID token of the user pool that the identity pool trusts,
// checked in the order AWS reports failures, each with its NotAuthorized text.
import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import type { UserPool } from '../userpool/pool.ts';
import { notAuthorized } from './errors.ts';

export const UNSUPPORTED_PROVIDER = 'Token is not from a supported provider of this identity pool.';

export type VerifiedLogin = { providerName: string; sub: string; claims: JWTPayload };

/**
 * Every key of `logins` must be a provider the identity pool trusts (here: the emulator's one user pool), and its
 * token must pass every check. `nowMs` is the emulator's clock, so advancing it expires tokens.
 */
export async function verifyLogins(logins: Record<string, string>, pool: UserPool | undefined, nowMs: number): Promise<VerifiedLogin> {
  const keys = Object.keys(logins);
  if (!pool || keys.some((k) => k !== pool.providerName)) throw notAuthorized(UNSUPPORTED_PROVIDER);
  const token = logins[pool.providerName];
  let claims: JWTPayload;
  let alg: unknown;
  try {
    claims = decodeJwt(token);
    alg = decodeProtectedHeader(token).alg;
  } catch {
    // AWS is silent on the text for a value that is not a JWT at all; ours says so plainly.
    throw notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
  }
  if (claims.iss !== `https://${pool.providerName}`) throw notAuthorized("Invalid login token. Issuer doesn't match providerName");
  if (alg !== 'RS256') throw notAuthorized("Invalid login token. Couldn't verify signed token.");
  try {
    await pool.signingKey.verify(token);
  } catch {
    throw notAuthorized("Invalid login token. Couldn't verify signed token.");
  }
  if (claims.aud === undefined) throw notAuthorized('Invalid login token. Missing a required claim: aud');
  const auds = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  // AWS is silent in our notes on the text for an audience that is not an app client of the provider; ours
  // follows the pattern of the documented ones.
  if (!auds.some((a) => pool.client(a))) throw notAuthorized('Invalid login token. Incorrect token audience.');
  // AWS is silent on a token with an aud but another token_use; we refuse it as not being an ID token.
  if (claims.token_use !== 'id') throw notAuthorized('Invalid login token. Not an ID token.');
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== 'number' || now >= claims.exp) throw notAuthorized(`Invalid login token. Token expired: ${now} >= ${String(claims.exp)}`);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw notAuthorized('Invalid login token. Missing a required claim: sub');
  return { providerName: pool.providerName, sub: claims.sub, claims };
}
