// HTTP side of the user pool: managed login (/oauth2/authorize, /login, /logout), the token, userInfo and revoke
// endpoints, discovery and JWKS. On AWS these live on two hosts (cognito-idp for discovery and JWKS, the pool's
// domain for the rest); the emulator serves both on its one port.
import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_TTL_MS } from './config.ts';
import { errorPage, loginPage, pageHeaders } from './login-page.ts';
import { type AuthorizeRequest, OAuthError, type UserPool } from './pool.ts';

export type UserPoolRequest = { method: string; rawPath: string; rawQuery: string; headers: IncomingHttpHeaders; body: Buffer };
export type UserPoolResponse = { status: number; headers: Record<string, string>; body: string; operation: string };

export const SESSION_COOKIE = 'greenroom_login_session';
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
// The endpoints a browser app fetches (not navigates to) answer any origin, as Cognito's do.
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'x-amzn-RequestId, Date' };
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** The user pool's answer, or undefined when the path is not one of its routes. */
export async function handleUserPool(req: UserPoolRequest, pool: UserPool, fallbackBase: string): Promise<UserPoolResponse | undefined> {
  const { method, rawPath } = req;
  const query = new URLSearchParams(req.rawQuery);
  const wellKnown = `/${pool.config.userPoolId}/.well-known/`;
  if (rawPath === `${wellKnown}openid-configuration` && method === 'GET') return json(200, discovery(pool, baseUrl(req.headers, fallbackBase)), 'discovery', CORS);
  if (rawPath === `${wellKnown}jwks.json` && method === 'GET') return json(200, pool.signingKey.jwks(), 'jwks', CORS);
  switch (rawPath) {
    case '/oauth2/authorize':
      return method === 'GET' ? authorize(pool, query, cookie(req.headers)) : undefined;
    case '/login':
      if (method === 'GET') return showLogin(pool, query);
      if (method === 'POST') return submitLogin(pool, form(req));
      return undefined;
    case '/logout':
      return method === 'GET' ? logout(pool, query, cookie(req.headers)) : undefined;
    case '/oauth2/token':
      return method === 'POST' ? oauth('token', () => pool.token(form(req)), req) : undefined;
    case '/oauth2/revoke':
      return method === 'POST' ? oauth('revoke', async () => (pool.revoke(form(req)), undefined), req) : undefined;
    case '/oauth2/userInfo':
      if (method !== 'GET' && method !== 'POST') return undefined;
      return oauth('userInfo', () => pool.userInfo(bearer(req.headers)));
    default:
      return undefined;
  }
}

function discovery(pool: UserPool, base: string) {
  const authority = `${base}/${pool.config.userPoolId}`;
  return {
    // The AWS-form issuer, so tokens and Logins keys match as on AWS; every endpoint is the emulator's own.
    issuer: pool.issuer,
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    userinfo_endpoint: `${base}/oauth2/userInfo`,
    revocation_endpoint: `${base}/oauth2/revoke`,
    // Cognito lists /logout here although it does not take OIDC RP-initiated logout parameters (client_id and
    // logout_uri instead); the app navigates to it itself.
    end_session_endpoint: `${base}/logout`,
    jwks_uri: `${authority}/.well-known/jwks.json`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'email', 'email_verified', 'cognito:username', 'cognito:groups', 'token_use'],
  };
}

function authorize(pool: UserPool, query: URLSearchParams, sessionId: string | undefined): UserPoolResponse {
  const req = pool.checkAuthorize(query);
  if ('kind' in req) return problem(req);
  const session = req.prompt === 'login' ? undefined : pool.session(sessionId);
  // A live login session signs the user in silently, as Cognito's session cookie does for an hour.
  if (session) return redirect(withCode(req, pool.issueCode(req, session)), 'authorize');
  // prompt=none must not show a page: without a session the answer is login_required at the callback (OIDC
  // Core 3.1.2.6), which is how an app opened in a new tab learns that it has to ask.
  if (req.prompt === 'none') {
    return problem({ kind: 'redirect', redirectUri: req.redirectUri, error: 'login_required', description: 'No live sign-in session: the user has to sign in.', ...(req.state !== undefined ? { state: req.state } : {}) });
  }
  return redirect(`/login?${query.toString()}`, 'authorize');
}

function showLogin(pool: UserPool, query: URLSearchParams): UserPoolResponse {
  const req = pool.checkAuthorize(query);
  if ('kind' in req) return problem(req);
  if (req.prompt === 'none') return problem({ kind: 'redirect', redirectUri: req.redirectUri, error: 'login_required', description: 'prompt=none cannot show the sign-in page.', ...(req.state !== undefined ? { state: req.state } : {}) });
  return html(200, loginPage({ params: query, userPoolId: pool.config.userPoolId }), 'login', [new URL(req.redirectUri).origin]);
}

function submitLogin(pool: UserPool, body: URLSearchParams): UserPoolResponse {
  const params = new URLSearchParams([...body].filter(([k]) => k !== 'username' && k !== 'password'));
  const req = pool.checkAuthorize(params);
  if ('kind' in req) return problem(req);
  const username = body.get('username') ?? '';
  const result = pool.signIn(username, body.get('password') ?? '');
  if ('message' in result) {
    // AWS is silent on the status of a refused sign-in (its page shows the message); we answer 400 so that a
    // script sees the refusal without reading the page.
    return html(400, loginPage({ params, username, error: result.message, userPoolId: pool.config.userPoolId }), 'login', [new URL(req.redirectUri).origin]);
  }
  const session = pool.startSession(result.user);
  const res = redirect(withCode(req, pool.issueCode(req, session)), 'login');
  res.headers['Set-Cookie'] = `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}`;
  return res;
}

function logout(pool: UserPool, query: URLSearchParams, sessionId: string | undefined): UserPoolResponse {
  const client = pool.client(query.get('client_id'));
  if (!client) return html(400, errorPage('The client_id is missing or is not an app client of this user pool.'), 'logout');
  const logoutUri = query.get('logout_uri');
  let target: string;
  if (logoutUri !== null) {
    if (!client.signOutUrls.includes(logoutUri)) return html(400, errorPage('The logout_uri is not one of the app client\'s sign-out URLs.'), 'logout');
    target = logoutUri;
  } else {
    // Cognito's other form: redirect_uri plus authorize parameters ends the session and shows the login page.
    const req = pool.checkAuthorize(query);
    if ('kind' in req) return html(400, errorPage('Give client_id with logout_uri (an allowed sign-out URL), or authorize parameters with redirect_uri.'), 'logout');
    target = `/login?${query.toString()}`;
  }
  pool.endSession(sessionId);
  const res = redirect(target, 'logout');
  res.headers['Set-Cookie'] = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  return res;
}

/** Runs an endpoint that answers JSON. `formRequest`: the request whose body must be a form (token, revoke). */
async function oauth(operation: string, run: () => Promise<unknown>, formRequest?: UserPoolRequest): Promise<UserPoolResponse> {
  try {
    const type = String(formRequest?.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (formRequest && type !== 'application/x-www-form-urlencoded') {
      throw new OAuthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
    }
    const out = await run();
    return out === undefined ? { status: 200, headers: { ...CORS, ...NO_STORE }, body: '', operation } : json(200, out, operation, { ...CORS, ...NO_STORE });
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    const extra: Record<string, string> = e.status === 401 ? { 'WWW-Authenticate': `Bearer error="${e.error}", error_description="${e.message.replace(/["\\]/g, '')}"` } : {};
    return json(e.status, { error: e.error, error_description: e.message }, operation, { ...CORS, ...NO_STORE, ...extra });
  }
}

function problem(p: Exclude<ReturnType<UserPool['checkAuthorize']>, AuthorizeRequest>): UserPoolResponse {
  if (p.kind === 'page') return html(400, errorPage(p.message), 'authorize');
  const url = new URL(p.redirectUri);
  url.searchParams.set('error', p.error);
  url.searchParams.set('error_description', p.description);
  if (p.state !== undefined) url.searchParams.set('state', p.state);
  return redirect(url.toString(), 'authorize');
}

function withCode(req: AuthorizeRequest, code: string): string {
  const url = new URL(req.redirectUri);
  url.searchParams.set('code', code);
  if (req.state !== undefined) url.searchParams.set('state', req.state);
  return url.toString();
}

const redirect = (location: string, operation: string): UserPoolResponse => ({
  status: 302,
  headers: { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  body: '',
  operation,
});
const html = (status: number, body: string, operation: string, formTargets: string[] = []): UserPoolResponse => ({ status, headers: pageHeaders(formTargets), body, operation });
const json = (status: number, value: unknown, operation: string, headers: Record<string, string> = {}): UserPoolResponse => ({
  status,
  headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
  body: JSON.stringify(value),
  operation,
});

const form = (req: UserPoolRequest) => new URLSearchParams(req.body.toString('utf8'));

function cookie(headers: IncomingHttpHeaders): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return undefined;
}

function bearer(headers: IncomingHttpHeaders): string {
  const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!m) throw new OAuthError(401, 'invalid_token', 'An access token is required as "Authorization: Bearer <token>".');
  return m[1];
}

/** The emulator's own origin as the client addressed it, so discovery works on any port; else the listen URL. */
function baseUrl(headers: IncomingHttpHeaders, fallback: string): string {
  const host = headers.host;
  return host && HOST.test(host) ? `http://${host}` : fallback;
}
