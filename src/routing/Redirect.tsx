import { useEffect, type ReactNode } from 'react';
import { navigate } from './navigate';

/** Replaces the current history entry with `to` (an address that has moved, or a default page). */
export function Redirect({ to }: { to: string }): ReactNode {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
