import { use, useSyncExternalStore, type ReactNode } from 'react';
import { can, type Policy, type Role } from './policies';
import { AuthContext, type AuthController, type AuthState } from './session';

const noSubscribe = (): (() => void) => () => undefined;
const LOADING: AuthState = { status: 'loading' };
const noState = (): AuthState => LOADING;

/** The signed-in role, or null. Works outside an AuthProvider too (then nobody may do anything). */
export function useRole(): Role | null {
  const c: AuthController | null = use(AuthContext);
  const state = useSyncExternalStore(c?.subscribe ?? noSubscribe, c?.getState ?? noState, c?.getState ?? noState);
  return state.status === 'signed-in' ? state.session.role : null;
}

export function useCan(policy: Policy): boolean {
  return can(useRole(), policy);
}

/** Renders its children only when the signed-in role allows the policy; IAM still decides. */
export function Can({ policy, children, fallback = null }: { policy: Policy; children: ReactNode; fallback?: ReactNode }): ReactNode {
  return useCan(policy) ? children : fallback;
}
