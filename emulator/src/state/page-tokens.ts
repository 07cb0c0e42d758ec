// Page tokens (nextToken): opaque to callers, base64url of a small JSON payload plus an HMAC, so a token cannot be
// forged or edited. A token is bound to the operation and to the request's "scope" (the stage/session/filters it
// was issued for); a token from another call, an edited one or one older than TOKEN_TTL_MS is a
// ValidationException. The key lives with the rest of the state so tokens survive a restart with a data file.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { validation } from '../errors.ts';

// AWS is silent on how long a nextToken stays valid; other AWS list APIs accept tokens for about a day.
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const MAC_LENGTH = 22;

type TokenPayload = { o: string; s: string; p: number; t: number };

export class PageTokens {
  private readonly key: Buffer;

  constructor(key?: Buffer) {
    this.key = key ?? randomBytes(32);
  }

  /** The key, for persistence: tokens handed out before a restart keep working after it. */
  get secret(): string {
    return this.key.toString('base64');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, MAC_LENGTH);
  }

  issue(operation: string, scope: string, position: number, now: number): string {
    const body = Buffer.from(JSON.stringify({ o: operation, s: scope, p: position, t: now } satisfies TokenPayload)).toString('base64url');
    return body + this.mac(body); // the MAC has a fixed length of 22 characters

  }

  /** The position a token points at; throws ValidationException for a token of another call, forged or stale. */
  read(token: string, operation: string, scope: string, now: number): number {
    const body = token.length > MAC_LENGTH ? token.slice(0, -MAC_LENGTH) : '';
    const mac = token.slice(-MAC_LENGTH);
    const expected = body ? this.mac(body) : '';
    if (!body || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
      throw validation('The pagination token is not valid.');
    }
    let payload: TokenPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    } catch {
      throw validation('The pagination token is not valid.');
    }
    if (payload.o !== operation || payload.s !== scope) {
      throw validation('The pagination token was issued for a different request; start again without nextToken.');
    }
    if (now - payload.t > TOKEN_TTL_MS) throw validation('The pagination token has expired; start again without nextToken.');
    return payload.p;
  }
}
