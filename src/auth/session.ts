// Staff sign-in (docs/decisions/001-staff-sign-in.md): oidc-client-ts against the Cognito user pool's managed login, code + PKCE,
// behind a small controller of our own. Tokens live in sessionStorage (the library's store) and memory only,
// never in localStorage and never in a URL after the callback; nothing here logs them.
import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { createContext, use } from 'react';
import { NAVIGATE_EVENT } from '../routing/navigate';
import type { AuthConfig } from '../config/schema';
import { wipeDrafts } from './drafts';
import { roleOf, type Role } from './policies';

export const CALLBACK_PATH = '/auth/callback';

export type Session = {
  /** The user pool's subject: stable per user; keys the identity and the drafts. */
  sub: string;
  username: string;
  email?: string;
  role: Role | null;
};

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: 'new' | 'expired' | 'error'; message?: string }
  | { status: 'signing-out' }
  | { status: 'signed-in'; session: Session };

/** A path inside this app, safe to return to after sign-in (no other origin, no callback loop). */
export function isSafeReturnPath(p: unknown): p is string {
  return (
    typeof p === 'string' &&
    p.startsWith('/') &&
    !p.startsWith('//') &&
    !p.startsWith('/\\') &&
    !p.startsWith(CALLBACK_PATH) &&
    p.length <= 2048 &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(p)
  );
}

export function sessionOf(user: User): Session {
  const p = user.profile;
  const username = typeof p['cognito:username'] === 'string' ? p['cognito:username'] : (p.preferred_username ?? p.email ?? p.sub);
  return {
    sub: p.sub,
    username,
    ...(typeof p.email === 'string' ? { email: p.email } : {}),
    role: roleOf(p['cognito:groups']),
  };
}

/** Cognito's /logout is not standard OIDC: it wants client_id and an allowed logout_uri. */
export function logoutUrl(endSessionEndpoint: string, clientId: string, origin: string): string {
  const u = new URL(endSessionEndpoint);
  u.search = '';
  u.searchParams.set('client_id', clientId);
  u.searchParams.set('logout_uri', `${origin}/`);
  return u.toString();
}

const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Set while this tab is away asking the user pool, without a page, whether the managed-login session is alive;
 * the callback reads and removes it. It tells the callback that an error is the silent attempt's "no" (show the
 * sign-in page, not an error), and a load that still finds it set (the user came Back from the user pool) does not
 * ask again. The answer ends the round trip, so a "no" never starts another: no redirect loop.
 */
export const SILENT_TRIED_KEY = 'greenroom.silent-signin-tried';

/** The user pool's answers to prompt=none that mean "ask the user", not "something broke". */
const NEEDS_INTERACTION = new Set(['login_required', 'interaction_required', 'consent_required', 'account_selection_required']);

type Listener = () => void;

export type AuthController = ReturnType<typeof createAuthController>;

export function createAuthController(auth: AuthConfig, win: Window = window) {
  const origin = win.location.origin;
  const manager = new UserManager({
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
    userStore: new WebStorageStateStore({ store: win.sessionStorage }),
    // PKCE verifier and state: this tab only, gone when it closes.
    stateStore: new WebStorageStateStore({ store: win.sessionStorage }),
    automaticSilentRenew: true,
    revokeTokenTypes: ['refresh_token'],
    // Cognito has no iframe (prompt=none) renewal; without a refresh token, renewal fails fast instead.
    monitorSession: false,
    loadUserInfo: false,
  });

  let state: AuthState = { status: 'loading' };
  const listeners = new Set<Listener>();
  const cleanups = new Set<() => void>();
  let renewing: Promise<boolean> | null = null;

  function set(next: AuthState): void {
    state = next;
    for (const l of listeners) l();
  }

  function signedIn(user: User): void {
    win.sessionStorage.removeItem(SILENT_TRIED_KEY);
    const next = sessionOf(user);
    // Keep the same object while the same person is signed in, so renewals do not rebuild the AWS layer.
    if (state.status === 'signed-in' && state.session.sub === next.sub && state.session.role === next.role) return;
    wipeDrafts(next.sub);
    set({ status: 'signed-in', session: next });
  }

  function runCleanups(): void {
    for (const c of cleanups) {
      try {
        c();
      } catch {
        // A cleanup must not stop sign-out.
      }
    }
  }

  // Renewals load a user too; during the callback the address must be fixed first (below), so wait for it.
  let inCallback = false;
  manager.events.addUserLoaded((user) => {
    if (!inCallback) signedIn(user);
  });

  /** Replaces the address without a history entry and tells the router (replaceState fires no event). */
  function replaceAddress(path: string): void {
    win.history.replaceState(null, '', path);
    win.dispatchEvent(new Event(NAVIGATE_EVENT));
  }

  /**
   * A tab opened on a link while the managed-login session is alive lands signed in, without a click. Tokens stay
   * in this tab's sessionStorage, so a new tab starts with none; what it shares with the others is the user pool's
   * session cookie. Cognito's managed login refuses to be framed (X-Frame-Options: DENY, so no hidden-iframe
   * signinSilent; see github.com/manfredsteyer/angular-oauth2-oidc/issues/1200 and
   * github.com/amazon-archives/amazon-cognito-identity-js/issues/599), so this is a top-level redirect to
   * /oauth2/authorize with prompt=none: Cognito's authorize endpoint documents `prompt` for managed login
   * (docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html), answering with a code from
   * the live session and with error=login_required without one (OpenID Connect Core 1.0, 3.1.2.6). Only on a
   * fresh load, never from the callback (SILENT_TRIED_KEY), so a "no" shows the sign-in page rather than a
   * redirect loop. True when the page is leaving for the user pool.
   */
  async function trySilentSignIn(): Promise<boolean> {
    if (win.sessionStorage.getItem(SILENT_TRIED_KEY) !== null) {
      win.sessionStorage.removeItem(SILENT_TRIED_KEY);
      return false;
    }
    win.sessionStorage.setItem(SILENT_TRIED_KEY, String(Date.now()));
    const here = win.location.pathname + win.location.search;
    try {
      // replace: the view's address, not the user pool's, is what Back returns to.
      await manager.signinRedirect({ prompt: 'none', redirectMethod: 'replace', state: isSafeReturnPath(here) ? here : '/' });
      return true;
    } catch {
      // The user pool could not be reached (discovery failed): the sign-in page says so when clicked.
      return false;
    }
  }

  const controller = {
    manager,
    getState: (): AuthState => state,
    subscribe(l: Listener): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    /** Registers what must be forgotten at sign-out or expiry (query cache, AWS layer). */
    onSessionEnd(c: () => void): () => void {
      cleanups.add(c);
      return () => cleanups.delete(c);
    },

    /** Completes a callback if this is one, else restores the session from this tab's storage. */
    async init(): Promise<void> {
      const loc = win.location;
      if (loc.pathname === CALLBACK_PATH) {
        inCallback = true;
        try {
          const user = await manager.signinCallback(loc.href);
          const back = isSafeReturnPath(user?.state) ? user.state : '/';
          // The code and state leave the address bar (and history) before anything renders.
          replaceAddress(back);
          if (user) signedIn(user);
          else set({ status: 'signed-out', reason: 'new' });
        } catch (e) {
          const silent = win.sessionStorage.getItem(SILENT_TRIED_KEY) !== null;
          win.sessionStorage.removeItem(SILENT_TRIED_KEY);
          const code = e instanceof ErrorResponse ? e.error : null;
          if (silent && code !== null && NEEDS_INTERACTION.has(code)) {
            // The silent attempt's expected "no": stay on the view that was asked for and show the sign-in page,
            // which brings the user back to it.
            const back = (e as ErrorResponse).state;
            replaceAddress(isSafeReturnPath(back) ? back : '/');
            set({ status: 'signed-out', reason: 'new' });
            return;
          }
          replaceAddress('/');
          const description = new URLSearchParams(loc.search).get('error_description');
          set({
            status: 'signed-out',
            reason: 'error',
            message: description ?? (e instanceof Error ? e.message : 'The sign-in could not be completed.'),
          });
        } finally {
          inCallback = false;
        }
        return;
      }
      const user = await manager.getUser().catch(() => null);
      if (user && !user.expired) signedIn(user);
      else if (user?.refresh_token && (await controller.renew())) {
        // renew() loaded the user.
      } else {
        if (user) await manager.removeUser();
        if (await trySilentSignIn()) return;
        set({ status: 'signed-out', reason: 'new' });
      }
    },

    /** Sends the browser to the managed login; it comes back to the current view. */
    async signIn(returnTo: string = win.location.pathname + win.location.search): Promise<void> {
      // An explicit sign-in ends this tab's silent attempt: the next load may try again once it succeeds.
      win.sessionStorage.removeItem(SILENT_TRIED_KEY);
      await manager.signinRedirect({ state: isSafeReturnPath(returnTo) ? returnTo : '/' });
    },

    /** The current ID token for `fromCognitoIdentityPool`'s logins; renewed first when it is about to expire. */
    async getIdToken(): Promise<string> {
      let user = await manager.getUser();
      const exp = user?.profile.exp;
      if (user && exp !== undefined && exp * 1000 - Date.now() < RENEW_BEFORE_MS && (await controller.renew())) {
        user = await manager.getUser();
      }
      if (!user?.id_token) throw Object.assign(new Error('You are signed out.'), { name: 'NotSignedIn' });
      return user.id_token;
    },

    /** Refresh-token grant, once for all concurrent callers; false when it cannot help. */
    renew(): Promise<boolean> {
      renewing ??= (async () => {
        try {
          const user = await manager.getUser();
          if (!user?.refresh_token) return false;
          const fresh = await manager.signinSilent();
          return !!fresh?.id_token;
        } catch {
          return false;
        } finally {
          setTimeout(() => (renewing = null), 0);
        }
      })();
      return renewing;
    },

    /** The session is over and renewal could not fix it: forget the data, keep the drafts, ask to sign in again. */
    expired(): void {
      if (state.status !== 'signed-in') return;
      runCleanups();
      void manager.removeUser();
      set({ status: 'signed-out', reason: 'expired' });
    },

    /** Revoke, forget everything, then end the managed-login session at the user pool. */
    async signOut(): Promise<void> {
      const user = await manager.getUser().catch(() => null);
      set({ status: 'signing-out' });
      runCleanups();
      wipeDrafts();
      if (user?.refresh_token) await manager.revokeTokens(['refresh_token']).catch(() => undefined);
      await manager.removeUser().catch(() => undefined);
      await manager.clearStaleState().catch(() => undefined);
      let endpoint: string | undefined;
      try {
        endpoint = await manager.metadataService.getEndSessionEndpoint();
        endpoint ??= new URL('/logout', await manager.metadataService.getAuthorizationEndpoint()).toString();
      } catch {
        endpoint = undefined;
      }
      win.location.replace(endpoint ? logoutUrl(endpoint, auth.clientId, origin) : '/');
    },
  };
  return controller;
}

export const AuthContext = createContext<AuthController | null>(null);

export function useAuthController(): AuthController {
  const c = use(AuthContext);
  if (!c) throw new Error('useAuthController must be used inside <AuthProvider>');
  return c;
}
