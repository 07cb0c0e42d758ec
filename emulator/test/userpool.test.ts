// The user pool's managed login over HTTP: discovery, JWKS, the code + PKCE flow and its refusals, refresh,
// revoke, userInfo, logout, the disabled user, and what survives a restart with a data file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeQuery, CLIENT_ID, pkce, postLogin, postToken, REDIRECT_URI, signIn, USER_POOL_ID } from './signin.ts';
import { startEmulator, type TestEmulator } from './support.ts';

const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator();
});
afterAll(() => t.stop());

async function codeFor(username: string, password: string, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const query = authorizeQuery(challenge, extra);
  const res = await postLogin(t.url, query, username, password);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  return { verifier, code: location.searchParams.get('code') ?? '', location, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}

describe('discovery and JWKS', () => {
  it('serves the AWS-form issuer with the emulator\'s own endpoints, and a JWKS that verifies its tokens', async () => {
    const res = await fetch(`${t.url}/${USER_POOL_ID}/.well-known/openid-configuration`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${t.url}/oauth2/authorize`,
      token_endpoint: `${t.url}/oauth2/token`,
      userinfo_endpoint: `${t.url}/oauth2/userInfo`,
      revocation_endpoint: `${t.url}/oauth2/revoke`,
      end_session_endpoint: `${t.url}/logout`,
      jwks_uri: `${t.url}/${USER_POOL_ID}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = (await (await fetch(String(doc.jwks_uri))).json()) as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const tokens = await signIn(t.url, 'sam.support');
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, createLocalJWKSet(jwks), { issuer: ISSUER, audience: CLIENT_ID });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: jwks.keys[0].kid });
    expect(payload).toMatchObject({ token_use: 'id', 'cognito:username': 'sam.support', 'cognito:groups': ['support'], email: 'sam.support@example.com', nonce: 'n-1' });
    // The group's role, from the pool's group definition (emulator/users.json), as Cognito writes it.
    expect(payload).toMatchObject({ 'cognito:roles': ['arn:aws:iam::123456789012:role/greenroom-support'], 'cognito:preferred_role': 'arn:aws:iam::123456789012:role/greenroom-support' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    const access = decodeJwt(tokens.access_token);
    expect(access).toMatchObject({ token_use: 'access', client_id: CLIENT_ID, scope: 'openid email profile', 'cognito:groups': ['support'] });
    expect(access).not.toHaveProperty('aud');
    expect(access).not.toHaveProperty('cognito:roles');
  });
});

describe('authorization code with PKCE', () => {
  it('sends a new browser to the login page, which says it is the local emulator and escapes what it echoes', async () => {
    const { challenge } = pkce();
    const query = authorizeQuery(challenge, { state: '"><script>alert(1)</script>' });
    const res = await fetch(`${t.url}/oauth2/authorize?${query}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/login?${query}`);
    const page = await fetch(`${t.url}/login?${query}`);
    const html = await page.text();
    expect(html).toContain('Local emulator.');
    expect(html).toContain('not by Amazon Cognito');
    expect(html).not.toContain('<script');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'sha256-[^']+'; form-action 'self' http:\/\/127\.0\.0\.1:5173;/);
  });

  it('returns code and state to the callback and exchanges the code once, for the right verifier only', async () => {
    const { verifier, code, location } = await codeFor('pat.producer', 'Producer-demo-1');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('st-1');
    const body = { grant_type: 'authorization_code', client_id: CLIENT_ID, code, redirect_uri: REDIRECT_URI, code_verifier: verifier };
    const ok = await postToken(t.url, body);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const tokens = (await ok.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(typeof tokens.refresh_token).toBe('string');
    const again = await postToken(t.url, body);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    // The second use revoked the refresh token the first one gave.
    const refreshed = await postToken(t.url, { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: String(tokens.refresh_token) });
    expect(await refreshed.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([
    ['a wrong verifier', (b: Record<string, string>) => ({ ...b, code_verifier: pkce().verifier }), 'invalid_grant'],
    ['no verifier', (b: Record<string, string>) => ({ ...b, code_verifier: '' }), 'invalid_grant'],
    ['another redirect_uri', (b: Record<string, string>) => ({ ...b, redirect_uri: 'http://localhost:5173/auth/callback' }), 'invalid_grant'],
    ['an unknown client_id', (b: Record<string, string>) => ({ ...b, client_id: 'someotherclient' }), 'invalid_client'],
    ['another grant type', (b: Record<string, string>) => ({ ...b, grant_type: 'password' }), 'unsupported_grant_type'],
  ])('refuses %s at the token endpoint', async (_label, change, error) => {
    const { verifier, code } = await codeFor('pat.producer', 'Producer-demo-1');
    const res = await postToken(t.url, change({ grant_type: 'authorization_code', client_id: CLIENT_ID, code, redirect_uri: REDIRECT_URI, code_verifier: verifier }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(error);
  });

  it('refuses an unknown client or callback on a page, and a request without S256 back at the callback', async () => {
    const { challenge } = pkce();
    const badClient = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge, { client_id: 'nope' })}`, { redirect: 'manual' });
    expect(badClient.status).toBe(400);
    const badRedirect = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge, { redirect_uri: 'https://evil.example/cb' })}`, { redirect: 'manual' });
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('redirect_mismatch');
    const plain = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge, { code_challenge_method: 'plain' })}`, { redirect: 'manual' });
    const back = new URL(plain.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('state')).toBe('st-1');
  });

  it('refuses a wrong password and the disabled user at the form with a clear message', async () => {
    const { challenge } = pkce();
    const wrong = await postLogin(t.url, authorizeQuery(challenge), 'pat.producer', 'nope-nope-1');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Incorrect username or password.');
    const disabled = await postLogin(t.url, authorizeQuery(challenge), 'dana.disabled', 'Disabled-demo-1');
    expect(disabled.status).toBe(400);
    expect(disabled.headers.get('set-cookie')).toBeNull();
    const html = await disabled.text();
    expect(html).toContain('User is disabled.');
    expect(html).toContain('value="dana.disabled"');
  });
});

describe('session, refresh, revoke, userInfo and logout', () => {
  it('signs in silently while the session lasts, and not after /logout', async () => {
    const { cookie } = await codeFor('sam.support', 'Support-demo-1');
    expect(cookie).toMatch(/^greenroom_login_session=.+/);
    const { challenge } = pkce();
    const silent = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge)}`, { redirect: 'manual', headers: { cookie } });
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();

    const badLogout = await fetch(`${t.url}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent('https://evil.example/')}`, { redirect: 'manual', headers: { cookie } });
    expect(badLogout.status).toBe(400);
    const logout = await fetch(`${t.url}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent('http://127.0.0.1:5173/')}`, { redirect: 'manual', headers: { cookie } });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe('http://127.0.0.1:5173/');
    expect(logout.headers.get('set-cookie')).toMatch(/greenroom_login_session=; .*Max-Age=0/);
    const after = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge)}`, { redirect: 'manual', headers: { cookie } });
    expect(after.headers.get('location')).toMatch(/^\/login\?/);
  });

  it('answers prompt=none with a code while the session lives and login_required (with the state) when not; prompt=login shows the form', async () => {
    const { challenge } = pkce();
    const none = authorizeQuery(challenge, { prompt: 'none', state: '/stages/abc?tab=1' });
    const cold = await fetch(`${t.url}/oauth2/authorize?${none}`, { redirect: 'manual' });
    expect(cold.status).toBe(302);
    const coldAt = new URL(cold.headers.get('location') ?? '');
    expect(`${coldAt.origin}${coldAt.pathname}`).toBe(REDIRECT_URI);
    expect(coldAt.searchParams.get('error')).toBe('login_required');
    expect(coldAt.searchParams.get('state')).toBe('/stages/abc?tab=1');
    expect(coldAt.searchParams.get('code')).toBeNull();
    expect(cold.headers.get('set-cookie')).toBeNull();
    // Straight to the form with prompt=none is refused the same way: no page is ever shown.
    const form = await fetch(`${t.url}/login?${none}`, { redirect: 'manual' });
    expect(new URL(form.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');

    const { cookie } = await codeFor('pat.producer', 'Producer-demo-1');
    const warm = await fetch(`${t.url}/oauth2/authorize?${none}`, { redirect: 'manual', headers: { cookie } });
    const warmAt = new URL(warm.headers.get('location') ?? '');
    expect(warmAt.searchParams.get('code')).toMatch(/.+/);
    expect(warmAt.searchParams.get('state')).toBe('/stages/abc?tab=1');
    expect(warmAt.searchParams.get('error')).toBeNull();

    const login = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge, { prompt: 'login' })}`, { redirect: 'manual', headers: { cookie } });
    expect(login.headers.get('location')).toMatch(/^\/login\?.*prompt=login/);
    const mixed = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge, { prompt: 'none login' })}`, { redirect: 'manual', headers: { cookie } });
    expect(new URL(mixed.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const odd = await fetch(`${t.url}/oauth2/authorize?${authorizeQuery(challenge, { prompt: 'sometimes' })}`, { redirect: 'manual', headers: { cookie } });
    expect(new URL(odd.headers.get('location') ?? '').searchParams.get('error_description')).toBe('Unknown prompt value: sometimes. Use none, login, consent or select_account.');

    // The session ends: at /logout, and (separately) when the clock passes its hour.
    await fetch(`${t.url}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent('http://127.0.0.1:5173/')}`, { redirect: 'manual', headers: { cookie } });
    const ended = await fetch(`${t.url}/oauth2/authorize?${none}`, { redirect: 'manual', headers: { cookie } });
    expect(new URL(ended.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
    const second = await codeFor('pat.producer', 'Producer-demo-1');
    await t.control.advanceClock(3601_000);
    const stale = await fetch(`${t.url}/oauth2/authorize?${none}`, { redirect: 'manual', headers: { cookie: second.cookie } });
    expect(new URL(stale.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
  });

  it('refreshes without rotating, keeps auth_time, and stops both refresh and userInfo after revoke', async () => {
    const tokens = await signIn(t.url, 'pat.producer');
    const info = await fetch(`${t.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await info.json()).toEqual({ sub: '7c1e0a52-8f3b-4d6a-9b21-5e0f3c9a1d01', email: 'pat.producer@example.com', email_verified: 'true', username: 'pat.producer' });

    const refresh = { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: tokens.refresh_token };
    const r = (await (await postToken(t.url, refresh)).json()) as Record<string, string>;
    expect(r.refresh_token).toBeUndefined();
    expect(decodeJwt(r.id_token).auth_time).toBe(decodeJwt(tokens.id_token).auth_time);
    expect(decodeJwt(r.id_token).sub).toBe(decodeJwt(tokens.id_token).sub);

    const revoke = await fetch(`${t.url}/oauth2/revoke`, { method: 'POST', body: new URLSearchParams({ token: tokens.refresh_token, client_id: CLIENT_ID }) });
    expect(revoke.status).toBe(200);
    expect(await (await postToken(t.url, refresh)).json()).toMatchObject({ error: 'invalid_grant' });
    const revoked = await fetch(`${t.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${r.access_token}` } });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    const noToken = await fetch(`${t.url}/oauth2/userInfo`);
    expect(noToken.status).toBe(401);
    const idAsAccess = await fetch(`${t.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.id_token}` } });
    expect(idAsAccess.status).toBe(401);
  });

  it('refuses an access token once the clock passes its expiry', async () => {
    const tokens = await signIn(t.url, 'sam.support');
    await t.control.advanceClock(3601_000);
    const res = await fetch(`${t.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_token', error_description: 'Access token has expired' });
  });
});

describe('restart with a data file', () => {
  it('keeps the signing key, the login session and refresh tokens', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'greenroom-pool-')), 'state.json');
    const a = await startEmulator({ dataFile });
    const tokens = await signIn(a.url, 'pat.producer');
    const kid = ((await (await fetch(`${a.url}/${USER_POOL_ID}/.well-known/jwks.json`)).json()) as JSONWebKeySet).keys[0].kid;
    const { challenge } = pkce();
    const login = await postLogin(a.url, authorizeQuery(challenge), 'pat.producer', 'Producer-demo-1');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    await a.stop();
    const b = await startEmulator({ dataFile });
    try {
      const jwks = (await (await fetch(`${b.url}/${USER_POOL_ID}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      expect(jwks.keys[0].kid).toBe(kid);
      const r = await postToken(b.url, { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: tokens.refresh_token });
      expect(r.status).toBe(200);
      const silent = await fetch(`${b.url}/oauth2/authorize?${authorizeQuery(challenge)}`, { redirect: 'manual', headers: { cookie } });
      expect(new URL(silent.headers.get('location') ?? '', b.url).searchParams.get('code')).toBeTruthy();
    } finally {
      await b.stop();
    }
  });
});
