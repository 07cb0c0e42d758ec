import type { ReactNode } from 'react';
import type { AppConfig } from '../config/schema';
import { AuthProvider, useAuthState } from '../auth/AuthProvider';
import type { AuthController } from '../auth/session';
import { SignInPage } from '../features/signin/SignInPage';
import { Loading } from '../components/Loading';
import { AppLayout, NoRolePage } from './AppLayout';
import { Providers, SessionAws } from './providers';
import { Routes } from './router';

function Gate({ config }: { config: AppConfig }): ReactNode {
  const state = useAuthState();
  const regions = config.regions.map((r) => r.id);
  switch (state.status) {
    case 'loading':
      return (
        <main id="main" className="signin">
          <Loading label="Checking your sign-in" />
        </main>
      );
    case 'signing-out':
      return (
        <main id="main" className="signin">
          <p role="status">Signing out…</p>
        </main>
      );
    case 'signed-out':
      return <SignInPage />;
    case 'signed-in':
      if (!state.session.role) return <NoRolePage session={state.session} />;
      return (
        <SessionAws key={state.session.sub} config={config}>
          <AppLayout regions={regions} session={state.session}>
            <Routes regions={regions} />
          </AppLayout>
        </SessionAws>
      );
  }
}

export function App({ config, auth }: { config: AppConfig; auth: AuthController }): ReactNode {
  return (
    <AuthProvider controller={auth}>
      <Providers config={config}>
        <Gate config={config} />
      </Providers>
    </AuthProvider>
  );
}
