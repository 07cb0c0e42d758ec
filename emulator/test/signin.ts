// Signs a demo user in through the emulator's real managed login over HTTP, as a browser would: authorize → login
// form POST → code on the redirect → /oauth2/token with the PKCE verifier.
import { createHash, randomBytes } from 'node:crypto';

export const CLIENT_ID = 'greenroomlocalappclient001';
export const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';
export const USER_POOL_ID = 'us-east-1_Greenroom1';
export const LOGINS_KEY = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
export const PASSWORDS: Record<string, string> = { 'pat.producer': 'Producer-demo-1', 'sam.support': 'Support-demo-1', 'dana.disabled': 'Disabled-demo-1' };

export type Tokens = { id_token: string; access_token: string; refresh_token: string; token_type: string; expires_in: number };

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeQuery(challenge: string, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'openid email profile',
    state: 'st-1', nonce: 'n-1', code_challenge: challenge, code_challenge_method: 'S256', ...extra,
  });
}

/** POSTs the login form; returns the response (302 with the code on success). */
export function postLogin(url: string, query: URLSearchParams, username: string, password: string, cookie?: string) {
  const form = new URLSearchParams(query);
  form.set('username', username);
  form.set('password', password);
  return fetch(`${url}/login`, { method: 'POST', redirect: 'manual', body: form, headers: cookie ? { cookie } : {} });
}

export function postToken(url: string, body: Record<string, string>) {
  return fetch(`${url}/oauth2/token`, { method: 'POST', body: new URLSearchParams(body) });
}

/** The full flow for a demo user; returns the token response. */
export async function signIn(url: string, username: string, password = PASSWORDS[username]): Promise<Tokens> {
  const { verifier, challenge } = pkce();
  const query = authorizeQuery(challenge);
  const authorize = await fetch(`${url}/oauth2/authorize?${query}`, { redirect: 'manual' });
  if (authorize.status !== 302) throw new Error(`authorize answered ${authorize.status}`);
  const page = await fetch(new URL(authorize.headers.get('location') ?? '', url));
  if (page.status !== 200) throw new Error(`login page answered ${page.status}`);
  const login = await postLogin(url, query, username, password);
  if (login.status !== 302) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const code = new URL(login.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const res = await postToken(url, { grant_type: 'authorization_code', client_id: CLIENT_ID, code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
  if (res.status !== 200) throw new Error(`token answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Tokens;
}
