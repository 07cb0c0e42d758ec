// Who may use the control API. It can mint ID tokens for any demo user, change faults and move the clock, so a web
// page the developer happens to visit must not reach it:
// - every route but /health needs the per-run control key in the x-greenroom-control-key header (a header a
//   cross-site page cannot send without a CORS preflight, which only the app's own origins pass);
// - a browser request from any other origin is refused, and its answers carry no CORS headers, so a foreign page
//   can neither read an answer nor act through a "simple" request;
// - a request with a body must say it is JSON, which a cross-site form or a no-cors fetch cannot do without a
//   preflight.
// /health stays open without the key (Playwright's webServer and `npm start` poll it) and then says only that the
// emulator is up. The user pool's login pages and OAuth endpoints are not control API and keep AWS's CORS.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CONTROL_KEY_HEADER } from './client.ts';
import type { ControlResult } from './routes.ts';

export type ControlGuardOptions = {
  /** The per-run key every route but /health requires. */
  key: string;
  /** Browser origins allowed to call the control API (scheme://host:port, exact). */
  origins: readonly string[];
};

/** A fresh key: 256 random bits, URL- and header-safe. */
export function newControlKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Throws RangeError unless `key` can travel in a header and is long enough not to be guessed. */
export function checkControlKey(key: string): void {
  if (!/^[A-Za-z0-9._~-]{16,256}$/.test(key)) {
    throw new RangeError('The control key must be 16 to 256 characters from A-Z, a-z, 0-9 and . _ ~ - (it travels in a header).');
  }
}

/** Throws RangeError unless every entry is an exact origin such as http://127.0.0.1:5173. */
export function checkOrigins(origins: readonly string[]): void {
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new RangeError(`"${origin}" is not an origin: write scheme://host[:port] with no path, e.g. http://127.0.0.1:5173.`);
    }
  }
}

/** The origins of the app's sign-in callback URLs: the places the emulator already knows the app is served from. */
export function appOrigins(callbackUrls: readonly string[]): string[] {
  return [...new Set(callbackUrls.map((u) => new URL(u).origin))];
}

const ALLOWED_HEADERS = `content-type, ${CONTROL_KEY_HEADER}`;

const single = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** CORS headers for an answer to `origin`: the origin itself when allowed, nothing otherwise. */
export function controlCorsHeaders(origin: string | undefined, opts: Pick<ControlGuardOptions, 'origins'>): Record<string, string> {
  // The answer differs by Origin, so a cache must not hand one origin's answer to another.
  if (origin === undefined || !opts.origins.includes(origin)) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

/** The answer to an OPTIONS preflight on a control path. */
export function controlPreflight(headers: IncomingHttpHeaders, opts: Pick<ControlGuardOptions, 'origins'>): { status: number; headers: Record<string, string> } {
  const origin = single(headers.origin);
  if (origin === undefined || !opts.origins.includes(origin)) return { status: 403, headers: { Vary: 'Origin' } };
  return {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
      // Chrome's Private Network Access asks before a page may call a loopback server; only the app's origins get a yes.
      ...(headers['access-control-request-private-network'] === 'true' ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
    },
  };
}

function sameKey(given: string, key: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever the caller sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(key).digest();
  return timingSafeEqual(a, b);
}

/**
 * The refusal for a control request that may not run, or undefined when it may. `sub` is the path below the prefix.
 * /health without the right key is answered here with no detail.
 */
export function guardControl(
  req: { method: string; sub: string; headers: IncomingHttpHeaders; hasBody: boolean },
  opts: ControlGuardOptions,
): ControlResult | undefined {
  const origin = single(req.headers.origin);
  const given = single(req.headers[CONTROL_KEY_HEADER]);
  const keyOk = given !== undefined && sameKey(given, opts.key);
  if (req.sub === '/health' && req.method === 'GET' && !keyOk) return { status: 200, body: { ok: true } };
  if (origin !== undefined && !opts.origins.includes(origin)) {
    return { status: 403, body: { message: `The control API does not answer pages from ${origin}; only the app's own origins may call it (--control-origins).` } };
  }
  if (given === undefined) {
    return { status: 401, body: { message: `The control API needs this run's control key in the ${CONTROL_KEY_HEADER} header (the emulator prints it when it starts; --control-key sets it).` } };
  }
  if (!keyOk) return { status: 403, body: { message: `The ${CONTROL_KEY_HEADER} header does not hold this run's control key.` } };
  if (req.hasBody || req.method === 'POST') {
    const type = single(req.headers['content-type'])?.split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      return { status: 415, body: { message: `A control request with a body must be sent as Content-Type: application/json, not ${type ? type : 'without one'}.` } };
    }
  }
  return undefined;
}
