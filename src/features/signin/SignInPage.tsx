import { useState, type ReactNode } from 'react';
import { useAuthState } from '../../auth/AuthProvider';
import { useAuthController } from '../../auth/session';

/** Shown whenever nobody is signed in in this tab: says why, and starts the managed login. */
export function SignInPage(): ReactNode {
  const auth = useAuthController();
  const state = useAuthState();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const reason = state.status === 'signed-out' ? state.reason : 'new';

  const start = (): void => {
    setBusy(true);
    setFailed(null);
    auth.signIn().catch((e: unknown) => {
      setBusy(false);
      setFailed(e instanceof Error ? e.message : 'The sign-in page could not be reached.');
    });
  };

  return (
    <main id="main" className="signin">
      <section className="panel" aria-labelledby="signin-title">
        <h1 id="signin-title">{reason === 'expired' ? 'Your session has ended' : 'Sign in to Greenroom'}</h1>
        {reason === 'expired' ? (
          <p role="status">
            Your sign-in expired or was ended elsewhere. Sign in again to continue: you come back to the same page, and what you had typed into a form
            is still there.
          </p>
        ) : (
          <p>
            Greenroom can change live shows, so only staff may use it. Sign in with your staff account; you will be sent to the sign-in page of the
            user pool and come back here afterwards. What you may do depends on your role (producer or support).
          </p>
        )}
        {state.status === 'signed-out' && state.reason === 'error' ? (
          <p className="field-error" role="alert">
            Sign-in did not complete: {state.message}
          </p>
        ) : null}
        {failed ? (
          <p className="field-error" role="alert">
            The sign-in page could not be reached: {failed}
          </p>
        ) : null}
        <button type="button" className="primary" onClick={start} disabled={busy}>
          {busy ? 'Opening sign-in…' : 'Sign in'}
        </button>
      </section>
    </main>
  );
}
