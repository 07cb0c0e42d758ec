import { useSyncExternalStore, type ReactNode } from 'react';
import { AuthContext, useAuthController, type AuthController, type AuthState } from './session';

export function AuthProvider({ controller, children }: { controller: AuthController; children: ReactNode }): ReactNode {
  return <AuthContext value={controller}>{children}</AuthContext>;
}

export function useAuthState(): AuthState {
  const c = useAuthController();
  return useSyncExternalStore(c.subscribe, c.getState, c.getState);
}
