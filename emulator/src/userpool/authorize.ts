// The authorize request as Cognito checks it (/oauth2/authorize and the /login form that carries it on), and the
// OAuth error shape of the JSON endpoints.
import type { AppClient } from './config.ts';

/** An error of the token, revoke or userInfo endpoint: RFC 6749 section 5.2 JSON ({"error"}), as Cognito answers. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;
  constructor(status: number, error: string, description: string) {
    super(description);
    this.status = status;
    this.error = error;
  }
}

export type AuthorizeRequest = {
  client: AppClient;
  redirectUri: string;
  state?: string;
  scope: string;
  codeChallenge: string;
  nonce?: string;
  /**
   * OIDC `prompt`: 'none' asks for a code from the live login session or an error, never a page; 'login' asks
   * for the form even when a session lives. Cognito's managed login documents both.
   */
  prompt?: 'none' | 'login';
};

/** Why an authorize request fails: shown on a page when the redirect URI is not trusted, else sent back to it. */
export type AuthorizeProblem =
  | { kind: 'page'; message: string }
  | { kind: 'redirect'; redirectUri: string; error: string; description: string; state?: string };

const PKCE_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

/** Checks /oauth2/authorize parameters as Cognito does: client and redirect URI first, then the rest. */
export function checkAuthorize(clients: AppClient[], q: URLSearchParams): AuthorizeRequest | AuthorizeProblem {
  const client = clients.find((c) => c.clientId === q.get('client_id'));
  if (!client) return { kind: 'page', message: 'The client_id is missing or is not an app client of this user pool.' };
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!client.callbackUrls.includes(redirectUri)) {
    return { kind: 'page', message: 'The redirect_uri is missing or is not one of the app client\'s callback URLs (redirect_mismatch).' };
  }
  const state = q.get('state') ?? undefined;
  const back = (error: string, description: string): AuthorizeProblem => ({ kind: 'redirect', redirectUri, error, description, state });
  if (q.get('response_type') !== 'code') return back('unsupported_response_type', 'Only response_type=code is enabled for this app client.');
  const scopes = (q.get('scope') ?? client.scopes.join(' ')).split(' ').filter(Boolean);
  const unknown = scopes.filter((s) => !client.scopes.includes(s));
  if (unknown.length > 0 || scopes.length === 0) return back('invalid_scope', `Scopes not allowed for this app client: ${unknown.join(' ') || '(none asked)'}.`);
  // Cognito accepts a public client's request without PKCE; the decision record requires S256, so we refuse
  // both a missing challenge and the plain method (which Cognito never supported).
  if (q.get('code_challenge_method') !== 'S256') return back('invalid_request', 'code_challenge_method must be S256.');
  const codeChallenge = q.get('code_challenge') ?? '';
  if (!PKCE_CHALLENGE.test(codeChallenge)) return back('invalid_request', 'code_challenge must be the base64url SHA-256 of the code verifier (43 characters).');
  const nonce = q.get('nonce') ?? undefined;
  const prompts = (q.get('prompt') ?? '').split(' ').filter(Boolean);
  // OIDC Core 3.1.2.1: 'none' with any other value is an error.
  if (prompts.includes('none') && prompts.length > 1) return back('invalid_request', 'prompt=none cannot be combined with another prompt value.');
  const unknownPrompt = prompts.find((p) => !['none', 'login', 'consent', 'select_account'].includes(p));
  if (unknownPrompt !== undefined) return back('invalid_request', `Unknown prompt value: ${unknownPrompt}. Use none, login, consent or select_account.`);
  // AWS is silent on what consent and select_account do for a user pool with one local sign-in and no consent
  // screen; the emulator treats them as no prompt at all.
  const prompt = prompts.includes('none') ? 'none' : prompts.includes('login') ? 'login' : undefined;
  return { client, redirectUri, state, scope: scopes.join(' '), codeChallenge, nonce, ...(prompt ? { prompt } : {}) };
}

