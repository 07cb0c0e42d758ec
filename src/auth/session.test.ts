import { User } from 'oidc-client-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { clearDraft, readDraft, wipeDrafts, writeDraft } from './drafts';
import { isSafeReturnPath, logoutUrl, sessionOf } from './session';

const isObj = (v: unknown): v is { a: string } => typeof v === 'object' && v !== null && typeof (v as { a?: unknown }).a === 'string';

describe('session', () => {
  afterEach(() => sessionStorage.clear());

  it('returns only to paths inside the app', () => {
    expect(isSafeReturnPath('/regions/us-east-1/replicate?source=x')).toBe(true);
    expect(isSafeReturnPath('//evil.example/')).toBe(false);
    expect(isSafeReturnPath('/\\evil.example')).toBe(false);
    expect(isSafeReturnPath('https://evil.example/')).toBe(false);
    expect(isSafeReturnPath('javascript:alert(1)')).toBe(false);
    expect(isSafeReturnPath('/auth/callback?code=1')).toBe(false);
    expect(isSafeReturnPath('/a\nb')).toBe(false);
    expect(isSafeReturnPath(undefined)).toBe(false);
  });

  it('builds the session from the ID token claims', () => {
    const user = new User({
      id_token: 'x',
      access_token: 'y',
      token_type: 'Bearer',
      profile: { sub: 's-1', iss: 'i', aud: 'a', exp: 1, iat: 0, 'cognito:username': 'sam.support', 'cognito:groups': ['support'], email: 'sam@example.com' },
    });
    expect(sessionOf(user)).toEqual({ sub: 's-1', username: 'sam.support', email: 'sam@example.com', role: 'support' });
  });

  it("builds Cognito's non-standard logout URL", () => {
    expect(logoutUrl('http://127.0.0.1:4599/logout', 'client1', 'http://127.0.0.1:4173')).toBe(
      'http://127.0.0.1:4599/logout?client_id=client1&logout_uri=http%3A%2F%2F127.0.0.1%3A4173%2F',
    );
  });

  it('keeps drafts per user and wipes them at sign-out', () => {
    writeDraft('u1', 'replicate', { a: 'one' });
    writeDraft('u2', 'replicate', { a: 'two' });
    expect(readDraft('u1', 'replicate', isObj)).toEqual({ a: 'one' });
    expect(readDraft('u2', 'other', isObj)).toBeUndefined();
    expect(readDraft(undefined, 'replicate', isObj)).toBeUndefined();
    wipeDrafts('u1');
    expect(readDraft('u2', 'replicate', isObj)).toBeUndefined();
    expect(readDraft('u1', 'replicate', isObj)).toEqual({ a: 'one' });
    clearDraft('u1', 'replicate');
    writeDraft('u1', 'x', { a: 'x' });
    wipeDrafts();
    expect(sessionStorage.length).toBe(0);
  });
});
