import { useState, type ReactNode } from 'react';
import type { Region } from '../config/schema';
import { href } from '../routing/route';
import { navigate } from '../routing/navigate';
import { OfflineBanner } from '../components/OfflineBanner';
import { Can } from '../auth/Can';
import { DiagnosticsToggle } from '../features/diagnostics/DiagnosticsToggle';
import { LazyPushIndicator } from '../components/LazyPushIndicator';
import { useAuthController, type Session } from '../auth/session';
import { useRoute } from './router';

function SignOutButton(): ReactNode {
  const auth = useAuthController();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="small"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void auth.signOut();
      }}
    >
      Sign out
    </button>
  );
}

/** Who is signed in, with which role, and Sign out. */
function UserBox({ session }: { session: Session }): ReactNode {
  return (
    <div className="user" aria-label="Signed-in user" role="group">
      <span>
        Signed in as <strong className="username">{session.username}</strong>{' '}
        <span className="badge badge-info" title="Your role decides which actions Greenroom offers">
          {session.role ?? 'no role'}
        </span>
      </span>
      <SignOutButton />
    </div>
  );
}

/** Signed in, but in neither staff group: the identity pool would refuse credentials, so do not try. */
export function NoRolePage({ session }: { session: Session }): ReactNode {
  return (
    <main id="main" className="signin">
      <section className="panel panel-error" role="alert" aria-labelledby="norole-title">
        <h1 id="norole-title">No staff role</h1>
        <p>
          You are signed in as <strong>{session.username}</strong>, but your account is in neither the producer nor the support group, so Greenroom
          cannot get AWS credentials for you. Ask an administrator to add you to a group, then sign in again.
        </p>
        <SignOutButton />
      </section>
    </main>
  );
}

export function AppLayout({ regions, session, children }: { regions: readonly Region[]; session: Session; children: ReactNode }): ReactNode {
  const route = useRoute(regions);
  const current = ('params' in route ? route.params.region : undefined) ?? (regions[0] as string);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={href('/')}>
          Greenroom
        </a>
        <nav aria-label="Main">
          <a href={href('/board')} aria-current={route.name === 'board' ? 'page' : undefined}>
            Live board
          </a>
          <a href={href('/regions/:region/stages', { region: current })} aria-current={route.name === 'stages' ? 'page' : undefined}>
            Stages
          </a>
          <a href={href('/find-user')} aria-current={route.name === 'findUser' ? 'page' : undefined}>
            Find user
          </a>
          <a href={href('/regions/:region/replications', { region: current })} aria-current={route.name === 'replicationMap' ? 'page' : undefined}>
            Replication map
          </a>
          <Can policy="replication:start">
            <a href={href('/regions/:region/replicate', { region: current })} aria-current={route.name === 'replicate' ? 'page' : undefined}>
              Replicate
            </a>
          </Can>
        </nav>
        <label className="region">
          Region{' '}
          <select value={current} onChange={(e) => navigate(href('/regions/:region/stages', { region: e.target.value }))}>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <LazyPushIndicator />
        <DiagnosticsToggle />
        <UserBox session={session} />
      </header>
      <main id="main" tabIndex={-1}>
        <OfflineBanner />
        {children}
      </main>
    </>
  );
}
