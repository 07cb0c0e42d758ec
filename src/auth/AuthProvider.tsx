import { useSyncExternalStore, type ReactNode } from 'react';
import { AuthContext, useAuthController, type AuthController, type AuthState, type Session } from './session';

export function AuthProvider({ controller, children }: { controller: AuthController; children: ReactNode }): ReactNode {
  return <AuthContext value={controller}>{children}</AuthContext>;
}

export function useAuthState(): AuthState {
  const c = useAuthController();
  return useSyncExternalStore(c.subscribe, c.getState, c.getState);
}

/** The signed-in session, or null (sign-in page, unit tests without auth). */
export function useSession(): Session | null {
  const s = useAuthState();
  return s.status === 'signed-in' ? s.session : null;
}
