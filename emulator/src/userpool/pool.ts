// The user pool's state and its OAuth 2.0 flows, free of HTTP: login sessions, authorization codes (PKCE S256
// only), refresh tokens and their revocation. routes.ts turns requests into calls here.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type AuthorizeProblem, type AuthorizeRequest, checkAuthorize, OAuthError } from './authorize.ts';
import { CODE_TTL_MS, issuerOf, providerNameOf, REFRESH_TOKEN_TTL_MS, SESSION_TTL_MS, type AppClient, type UserPoolConfig } from './config.ts';
import { mintTokens, SigningKey } from './tokens.ts';
import type { PoolGroup } from './groups.ts';
import type { PoolUser } from './users.ts';

export { OAuthError, type AuthorizeProblem, type AuthorizeRequest };

export type TokenSet = { id_token?: string; access_token: string; refresh_token?: string; token_type: 'Bearer'; expires_in: number };

type Session = { id: string; username: string; authTime: number; expiresAt: number };
type Code = AuthorizeRequest & { username: string; authTime: number; expiresAt: number; refreshToken?: string };
type Refresh = { token: string; username: string; clientId: string; scope: string; authTime: number; expiresAt: number; jti: string };
type Snapshot = { version: 1; key: unknown; sessions: Session[]; refreshTokens: Refresh[]; revokedOrigins: string[] };

const PKCE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

const opaque = () => randomBytes(32).toString('base64url');
const sha256url = (s: string) => createHash('sha256').update(s).digest('base64url');
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class UserPool {
  readonly config: UserPoolConfig;
  readonly issuer: string;
  readonly providerName: string;
  private key: SigningKey;
  private readonly users = new Map<string, PoolUser>();
  private readonly groupList: PoolGroup[];
  private readonly now: () => number;
  private readonly sessions = new Map<string, Session>();
  private readonly codes = new Map<string, Code>();
  private readonly refreshTokens = new Map<string, Refresh>();
  private readonly revokedOrigins = new Set<string>();
  private listeners: (() => void)[] = [];

  constructor(opts: { config: UserPoolConfig; users: PoolUser[]; groups?: PoolGroup[]; now?: () => number; key?: SigningKey }) {
    this.config = opts.config;
    this.issuer = issuerOf(opts.config);
    this.providerName = providerNameOf(opts.config);
    this.now = opts.now ?? Date.now;
    this.key = opts.key ?? SigningKey.generate();
    for (const u of opts.users) this.users.set(u.username, u);
    this.groupList = [...(opts.groups ?? [])];
  }

  /** The pool's groups, with their role ARNs and precedence. */
  groups(): PoolGroup[] {
    return this.groupList.map((g) => ({ ...g }));
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  get signingKey(): SigningKey {
    return this.key;
  }

  client(clientId: string | undefined | null): AppClient | undefined {
    return this.config.clients.find((c) => c.clientId === clientId);
  }

  user(username: string): PoolUser | undefined {
    return this.users.get(username);
  }

  listUsers(): PoolUser[] {
    return [...this.users.values()];
  }

  /** Checks /oauth2/authorize (and /login) parameters as Cognito does: client and redirect URI first. */
  checkAuthorize(q: URLSearchParams): AuthorizeRequest | AuthorizeProblem {
    return checkAuthorize(this.config.clients, q);
  }

  /** Checks a username and password. The messages are the ones Cognito's managed login shows. */
  signIn(username: string, password: string): { user: PoolUser } | { message: string } {
    const user = this.users.get(username);
    // One message for an unknown user and a wrong password, as Cognito's "prevent user existence errors" does.
    if (!user || !sameText(user.password, password)) return { message: 'Incorrect username or password.' };
    if (!user.enabled) return { message: 'User is disabled.' };
    return { user };
  }

  startSession(user: PoolUser): Session {
    const now = this.now();
    this.prune(now);
    const s: Session = { id: opaque(), username: user.username, authTime: Math.floor(now / 1000), expiresAt: now + SESSION_TTL_MS };
    this.sessions.set(s.id, s);
    this.changed();
    return s;
  }

  /** The session behind a cookie value, if it is live and its user may still sign in. */
  session(id: string | undefined): (Session & { user: PoolUser }) | undefined {
    const s = id ? this.sessions.get(id) : undefined;
    const user = s ? this.users.get(s.username) : undefined;
    if (!s || !user || !user.enabled || s.expiresAt <= this.now()) return undefined;
    return { ...s, user };
  }

  endSession(id: string | undefined): void {
    if (id && this.sessions.delete(id)) this.changed();
  }

  issueCode(req: AuthorizeRequest, session: { username: string; authTime: number }): string {
    const code = randomUUID();
    this.codes.set(code, { ...req, username: session.username, authTime: session.authTime, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** /oauth2/token. `form` is the decoded request body. */
  async token(form: URLSearchParams): Promise<TokenSet> {
    const grant = form.get('grant_type');
    const client = this.client(form.get('client_id'));
    if (!grant) throw new OAuthError(400, 'invalid_request', 'grant_type is required.');
    if (!client) throw new OAuthError(400, 'invalid_client', 'client_id is missing or is not an app client of this user pool.');
    if (grant === 'authorization_code') return this.exchangeCode(client, form);
    if (grant === 'refresh_token') return this.refresh(client, form);
    throw new OAuthError(400, 'unsupported_grant_type', 'Only authorization_code and refresh_token are enabled for this app client.');
  }

  private async exchangeCode(client: AppClient, form: URLSearchParams): Promise<TokenSet> {
    const codeText = form.get('code') ?? '';
    const code = this.codes.get(codeText);
    if (!code) throw new OAuthError(400, 'invalid_grant', 'The authorization code is unknown, expired or already used.');
    // A code is good for one attempt: AWS is silent on a failed attempt; we burn the code (as OAuth 2.1 advises),
    // and a second use of a redeemed code also revokes what the first use issued.
    this.codes.delete(codeText);
    if (code.refreshToken) {
      this.revokeRefresh(code.refreshToken);
      throw new OAuthError(400, 'invalid_grant', 'The authorization code was already used; the tokens it gave are revoked.');
    }
    if (code.expiresAt <= this.now()) throw new OAuthError(400, 'invalid_grant', 'The authorization code has expired.');
    if (code.client.clientId !== client.clientId) throw new OAuthError(400, 'invalid_grant', 'The authorization code was issued to another client.');
    if (form.get('redirect_uri') !== code.redirectUri) throw new OAuthError(400, 'invalid_grant', 'redirect_uri does not match the one of the authorize request.');
    const verifier = form.get('code_verifier') ?? '';
    if (!PKCE_VERIFIER.test(verifier) || !sameText(sha256url(verifier), code.codeChallenge)) {
      throw new OAuthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge.');
    }
    const user = this.users.get(code.username);
    if (!user?.enabled) throw new OAuthError(400, 'invalid_grant', 'User is disabled.');
    const now = this.now();
    const refresh: Refresh = { token: opaque(), username: user.username, clientId: client.clientId, scope: code.scope, authTime: code.authTime, expiresAt: now + REFRESH_TOKEN_TTL_MS, jti: randomUUID() };
    this.refreshTokens.set(refresh.token, refresh);
    // Kept (without its request) only to catch a second use until the code would have expired anyway.
    this.codes.set(codeText, { ...code, refreshToken: refresh.token });
    this.changed();
    const t = await mintTokens(this.key, { issuer: this.issuer, clientId: client.clientId, user, groups: this.groupList, now: Math.floor(now / 1000), authTime: code.authTime, scope: code.scope, nonce: code.nonce, originJti: refresh.jti });
    return { ...(hasOpenId(code.scope) ? { id_token: t.idToken } : {}), access_token: t.accessToken, refresh_token: refresh.token, token_type: 'Bearer', expires_in: 3600 };
  }

  private async refresh(client: AppClient, form: URLSearchParams): Promise<TokenSet> {
    const r = this.refreshTokens.get(form.get('refresh_token') ?? '');
    const now = this.now();
    if (!r || r.expiresAt <= now || r.clientId !== client.clientId) throw new OAuthError(400, 'invalid_grant', 'Invalid Refresh Token');
    const user = this.users.get(r.username);
    if (!user?.enabled) throw new OAuthError(400, 'invalid_grant', 'User is disabled.');
    // Cognito does not rotate refresh tokens unless rotation is turned on: the answer has no refresh_token.
    const t = await mintTokens(this.key, { issuer: this.issuer, clientId: client.clientId, user, groups: this.groupList, now: Math.floor(now / 1000), authTime: r.authTime, scope: r.scope, originJti: r.jti });
    return { ...(hasOpenId(r.scope) ? { id_token: t.idToken } : {}), access_token: t.accessToken, token_type: 'Bearer', expires_in: 3600 };
  }

  /** /oauth2/revoke: refresh tokens only, as Cognito; the ID and access tokens they gave stop working for userInfo. */
  revoke(form: URLSearchParams): void {
    const client = this.client(form.get('client_id'));
    if (!client) throw new OAuthError(400, 'invalid_client', 'client_id is missing or is not an app client of this user pool.');
    const token = form.get('token');
    if (!token) throw new OAuthError(400, 'invalid_request', 'token is required.');
    const r = this.refreshTokens.get(token);
    if (r && r.clientId !== client.clientId) throw new OAuthError(400, 'unauthorized_client', 'The token was not issued to this client.');
    // An unknown token is answered 200 with nothing done (RFC 7009 section 2.2); AWS is silent on it.
    if (r) this.revokeRefresh(token);
  }

  private revokeRefresh(token: string): void {
    const r = this.refreshTokens.get(token);
    if (!r) return;
    this.refreshTokens.delete(token);
    this.revokedOrigins.add(r.jti);
    this.changed();
  }

  /** /oauth2/userInfo for a bearer access token. */
  async userInfo(accessToken: string): Promise<Record<string, string>> {
    let claims;
    try {
      claims = await this.key.verify(accessToken);
    } catch {
      throw new OAuthError(401, 'invalid_token', 'The access token is not valid.');
    }
    if (claims.token_use !== 'access' || claims.iss !== this.issuer) throw new OAuthError(401, 'invalid_token', 'The token is not an access token of this user pool.');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now()) throw new OAuthError(401, 'invalid_token', 'Access token has expired');
    if (typeof claims.origin_jti === 'string' && this.revokedOrigins.has(claims.origin_jti)) throw new OAuthError(401, 'invalid_token', 'Access token has been revoked');
    const user = [...this.users.values()].find((u) => u.sub === claims.sub);
    if (!user?.enabled) throw new OAuthError(401, 'invalid_token', 'User is disabled.');
    // Cognito sends attribute values as strings, email_verified included.
    return { sub: user.sub, ...(user.email ? { email: user.email, email_verified: 'true' } : {}), username: user.username };
  }

  /**
   * Tokens for a user without the login page, for tests (control API). The overrides make deliberately bad
   * tokens: another audience or issuer, an old issue time, no groups. Overridden group names are looked up in the
   * pool's groups like real memberships; a name the pool has no group for carries no role (AWS never issues such a
   * membership; the override exists to prove that a look-alike group name buys nothing).
   */
  async mintForTest(o: { username: string; clientId?: string; issuer?: string; groups?: string[]; issuedAt?: number; nonce?: string }): Promise<{ idToken: string; accessToken: string }> {
    const user = this.users.get(o.username);
    if (!user) throw new RangeError(`No user ${o.username}. Users: ${[...this.users.keys()].join(', ')}.`);
    const now = o.issuedAt ?? Math.floor(this.now() / 1000);
    return mintTokens(this.key, {
      issuer: o.issuer ?? this.issuer,
      clientId: o.clientId ?? this.config.clients[0].clientId,
      user: o.groups ? { ...user, groups: o.groups } : user,
      groups: this.groupList,
      now,
      authTime: now,
      scope: 'openid email profile',
      nonce: o.nonce,
      originJti: randomUUID(),
    });
  }

  snapshot(): unknown {
    this.prune(this.now());
    const s: Snapshot = {
      version: 1,
      key: this.key.toJSON(),
      sessions: [...this.sessions.values()],
      refreshTokens: [...this.refreshTokens.values()],
      revokedOrigins: [...this.revokedOrigins],
    };
    return s;
  }

  /**
   * Accepts only what snapshot() wrote. Users are not in it: the user file stays their source (each with a fixed
   * sub, so identity ids stay put) and an edit to it takes effect on restart. The key, sessions and refresh
   * tokens come back, so sign-ins survive.
   */
  restore(raw: unknown): void {
    if (!raw || typeof raw !== 'object') return;
    const s = raw as Partial<Snapshot>;
    const key = SigningKey.restore(s.key);
    if (key) this.key = key;
    this.sessions.clear();
    for (const x of Array.isArray(s.sessions) ? s.sessions : []) {
      if (x && typeof x.id === 'string' && typeof x.username === 'string' && typeof x.authTime === 'number' && typeof x.expiresAt === 'number') {
        this.sessions.set(x.id, { id: x.id, username: x.username, authTime: x.authTime, expiresAt: x.expiresAt });
      }
    }
    this.refreshTokens.clear();
    for (const x of Array.isArray(s.refreshTokens) ? s.refreshTokens : []) {
      if (x && ['token', 'username', 'clientId', 'scope', 'jti'].every((k) => typeof (x as Record<string, unknown>)[k] === 'string') && typeof x.authTime === 'number' && typeof x.expiresAt === 'number') {
        this.refreshTokens.set(x.token, { token: x.token, username: x.username, clientId: x.clientId, scope: x.scope, authTime: x.authTime, expiresAt: x.expiresAt, jti: x.jti });
      }
    }
    this.revokedOrigins.clear();
    for (const x of Array.isArray(s.revokedOrigins) ? s.revokedOrigins : []) if (typeof x === 'string') this.revokedOrigins.add(x);
  }

  private prune(now: number): void {
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
    for (const [id, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(id);
    for (const [id, r] of this.refreshTokens) if (r.expiresAt <= now) this.refreshTokens.delete(id);
  }
}

const hasOpenId = (scope: string) => scope.split(' ').includes('openid');
