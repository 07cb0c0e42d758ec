// The pure checks of `npm run verify:deploy`: each takes what the deployed console answered (status, headers, body)
// and returns the problems it found, in words an operator can act on. No I/O here, so every rule is unit-tested
// (scripts/verify-deploy.test.ts); scripts/verify-deploy.ts fetches and reports.
import { securityHeaders } from '../src/config/csp.ts';
import { type AppConfig, parseConfig } from '../src/config/schema.ts';

/** One HTTP answer, headers with lower-case names. */
export type Answer = { status: number; headers: Record<string, string>; body: string };

/** config.json and index.html may be kept this long at most (s), by browsers or the edge. */
export const MAX_ENTRY_MAX_AGE_S = 60;
/** HSTS on an https console: at least one year. */
export const MIN_HSTS_MAX_AGE_S = 365 * 24 * 60 * 60;

const header = (a: Answer, name: string): string | undefined => a.headers[name.toLowerCase()];
const mediaType = (a: Answer): string => (header(a, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** 200 and the expected media type. */
export function checkOk(a: Answer, what: string, types: readonly string[]): string[] {
  const problems: string[] = [];
  if (a.status !== 200) problems.push(`${what} answered ${a.status}, expected 200`);
  else if (!types.includes(mediaType(a))) problems.push(`${what} is served as "${header(a, 'content-type') ?? '(no Content-Type)'}", expected ${types.join(' or ')}`);
  return problems;
}

/**
 * The app's own security headers for this config.json (src/config/csp.ts: the CSP whose connect-src names the
 * configured endpoints, nosniff, no framing, no referrer, COOP/CORP, Permissions-Policy), each exactly; and HSTS
 * of a year or more when the console is served over https.
 */
export function checkSecurityHeaders(a: Answer, what: string, config: AppConfig, https: boolean): string[] {
  const problems: string[] = [];
  for (const [name, want] of Object.entries(securityHeaders(config))) {
    const got = header(a, name);
    if (got === undefined) problems.push(`${what} has no ${name} header`);
    else if (got.trim() !== want) problems.push(`${what} has ${name} "${clip(got)}", expected "${clip(want)}"`);
  }
  if (https) {
    const hsts = header(a, 'strict-transport-security');
    const age = hsts ? maxAge(hsts) : undefined;
    if (!hsts) problems.push(`${what} has no Strict-Transport-Security header`);
    else if (age === undefined || age < MIN_HSTS_MAX_AGE_S) problems.push(`${what} has Strict-Transport-Security "${hsts}", expected max-age of at least ${MIN_HSTS_MAX_AGE_S}`);
  }
  return problems;
}

function maxAge(value: string): number | undefined {
  const m = /(?:^|[,;\s])max-age\s*=\s*"?(\d+)"?/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

/**
 * An entry file (config.json, index.html) must be revalidated: Cache-Control with no-cache or no-store, or a
 * max-age (and s-maxage) of at most MAX_ENTRY_MAX_AGE_S, never immutable. A response without Cache-Control is
 * refused too: browsers would then cache it heuristically, for a share of its age.
 */
export function checkShortCache(a: Answer, what: string): string[] {
  const cc = header(a, 'cache-control');
  if (!cc) return [`${what} has no Cache-Control header; browsers may keep it heuristically (expected no-cache or max-age ≤ ${MAX_ENTRY_MAX_AGE_S})`];
  const d = cc.toLowerCase();
  if (/\bimmutable\b/.test(d)) return [`${what} is cached as immutable ("${cc}")`];
  const ages = [...d.matchAll(/(?:s-maxage|max-age)\s*=\s*"?(\d+)"?/g)].map((m) => Number(m[1]));
  if (ages.some((x) => x > MAX_ENTRY_MAX_AGE_S)) return [`${what} may be cached for ${Math.max(...ages)} s ("${cc}"); expected no-cache or max-age ≤ ${MAX_ENTRY_MAX_AGE_S}`];
  if (!/\bno-cache\b|\bno-store\b/.test(d) && ages.length === 0) return [`${what} has Cache-Control "${cc}" without no-cache, no-store or a short max-age`];
  return [];
}

/** config.json parsed and validated with the app's own parser (src/config/schema.ts). */
export function checkConfig(a: Answer): { problems: string[]; config?: AppConfig } {
  let raw: unknown;
  try {
    raw = JSON.parse(a.body);
  } catch (e) {
    return { problems: [`config.json is not JSON: ${(e as Error).message}`] };
  }
  const parsed = parseConfig(raw);
  if (!parsed.ok) return { problems: parsed.issues.map((i) => `config.json ${i.path}: ${i.message}`) };
  return { problems: [], config: parsed.value };
}

/** The app's entry page: HTML that loads a module script from /assets/. Returns that script's path. */
export function checkIndexHtml(a: Answer, what: string): { problems: string[]; script?: string } {
  const problems = checkOk(a, what, ['text/html']);
  const m = /<script\b[^>]*\btype="module"[^>]*\bsrc="(\/assets\/[^"]+\.js)"/i.exec(a.body) ?? /<script\b[^>]*\bsrc="(\/assets\/[^"]+\.js)"[^>]*\btype="module"/i.exec(a.body);
  if (a.status === 200 && !m) problems.push(`${what} is not the app's index.html (no <script type="module" src="/assets/….js">)`);
  return { problems, script: m?.[1] };
}

/** A deep link is the app's index.html itself (the SPA fallback), not an error page. */
export function checkDeepLink(a: Answer, index: Answer, what: string): string[] {
  const problems = checkOk(a, what, ['text/html']);
  if (a.status === 200 && a.body !== index.body) problems.push(`${what} is not the same document as / (the SPA fallback should serve index.html)`);
  return problems;
}

/** A file that does not exist: 404, and not the app's index.html (which a browser would run into a MIME error). */
export function checkMissingFile(a: Answer, index: Answer, what: string): string[] {
  if (a.status === 404) return a.body === index.body ? [`${what} answered 404 with the app's index.html as the body`] : [];
  if (a.status === 200 && (a.body === index.body || mediaType(a) === 'text/html')) return [`${what} answered 200 with index.html; a missing file must be a 404 (scope the SPA fallback to extension-less paths)`];
  return [`${what} answered ${a.status}, expected 404`];
}

/** The JavaScript bundle index.html loads. */
export function checkAsset(a: Answer, what: string): string[] {
  return checkOk(a, what, ['text/javascript', 'application/javascript']);
}

/** The user pool's OIDC discovery document under the configured authority. Returns its authorization endpoint. */
export function checkDiscovery(a: Answer, config: AppConfig): { problems: string[]; authorizationEndpoint?: string } {
  const what = `${config.auth.authority}/.well-known/openid-configuration`;
  const problems = checkOk(a, what, ['application/json']);
  if (problems.length) return { problems };
  let doc: { issuer?: unknown; authorization_endpoint?: unknown };
  try {
    doc = JSON.parse(a.body) as typeof doc;
  } catch {
    return { problems: [`${what} is not JSON`] };
  }
  const issuer = `https://cognito-idp.${config.auth.region}.amazonaws.com/${config.auth.userPoolId}`;
  if (doc.issuer !== issuer) problems.push(`${what} names issuer ${String(doc.issuer)}, expected ${issuer} (the user pool in config.json auth)`);
  const endpoint = typeof doc.authorization_endpoint === 'string' ? doc.authorization_endpoint : undefined;
  if (!endpoint) problems.push(`${what} has no authorization_endpoint`);
  else if (config.auth.loginDomain && new URL(endpoint).origin !== new URL(config.auth.loginDomain).origin) {
    problems.push(`the user pool's authorization endpoint ${endpoint} is not on the login domain ${config.auth.loginDomain} that config.json (and the CSP) name`);
  }
  return { problems, authorizationEndpoint: endpoint };
}

/**
 * The login domain's answer to an authorization request for this console's callback URL: the sign-in page (200
 * HTML) or a redirect to it. A redirect to an error page (Cognito's /error?error=redirect_mismatch) or a 4xx means
 * the app client does not accept this console's callback URL.
 */
export function checkAuthorize(a: Answer, what: string): string[] {
  if (a.status === 200) return mediaType(a) === 'text/html' ? [] : [`${what} answered 200 with "${header(a, 'content-type') ?? ''}", expected the sign-in page`];
  if (a.status === 302 || a.status === 303) {
    const to = header(a, 'location') ?? '';
    if (!to) return [`${what} redirected without a Location`];
    if (/[?&]error=|\/error\b/.test(to)) return [`${what} redirected to an error: ${clip(to)} (is the callback URL registered on the app client?)`];
    return [];
  }
  return [`${what} answered ${a.status}${a.body ? `: ${clip(a.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())}` : ''}`];
}

/**
 * An unauthenticated GetId against the identity pool: the pool must exist and refuse unauthenticated identities
 * (NotAuthorizedException), which proves it answers without creating anything.
 */
export function checkIdentityPool(a: Answer, poolId: string): string[] {
  let body: { __type?: unknown; message?: unknown; Message?: unknown; IdentityId?: unknown } = {};
  try {
    body = JSON.parse(a.body) as typeof body;
  } catch {
    return [`identity pool ${poolId}: the answer (${a.status}) is not JSON`];
  }
  const type = String(body.__type ?? header(a, 'x-amzn-errortype') ?? '').split('#').pop()!.split(':')[0]!;
  const message = String(body.message ?? body.Message ?? '');
  if (a.status === 200) return [`identity pool ${poolId} gave an unauthenticated identity; unauthenticated access must be off`];
  if (type === 'NotAuthorizedException' && /unauthenticated access is not supported/i.test(message)) return [];
  if (type === 'ResourceNotFoundException') return [`identity pool ${poolId} does not exist (${message})`];
  return [`identity pool ${poolId}: expected NotAuthorizedException for an unauthenticated GetId, got ${a.status} ${type || '(no error type)'} ${clip(message)}`.trim()];
}

/** Where each region's Cognito Identity calls go: the configured endpoint, or the region's AWS endpoint. */
export function identityPools(config: AppConfig): { poolId: string; endpoint: string; region: string }[] {
  const seen = new Map<string, { poolId: string; endpoint: string; region: string }>();
  for (const r of config.regions) {
    const region = /^([a-z]{2}(?:-[a-z]+)+-\d):/.exec(r.identityPoolId)?.[1] ?? r.id;
    const endpoint = r.cognitoEndpoint ?? `https://cognito-identity.${region}.amazonaws.com`;
    const key = `${endpoint} ${r.identityPoolId}`;
    if (!seen.has(key)) seen.set(key, { poolId: r.identityPoolId, endpoint, region });
  }
  return [...seen.values()];
}

/** A deep link that exercises the router: the first region's stage list. */
export const deepLinkPath = (config: AppConfig): string => `/regions/${encodeURIComponent(config.regions[0]!.id)}/stages`;

function clip(s: string): string {
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}
