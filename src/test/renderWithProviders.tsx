import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AwsProvider } from '../aws/AwsProvider';
import type { AwsLayer } from '../aws/awsLayer';
import type { Role } from '../auth/policies';
import { AuthContext, type AuthController, type AuthState } from '../auth/session';
import { PollingContext } from '../query/polling';
import { createNoticeStore, NoticeContext, type NoticeStore } from '../query/notices';

const intervals = { stages: 5000, stage: 3000, participants: 3000, participant: 3000 };

const noAws: AwsLayer = { regions: ['us-east-1'], send: () => Promise.reject(new Error('no AWS in unit tests')), dispose: () => undefined };

/** A stand-in for the auth controller: signed in with a fixed role, nothing else works. */
export function fakeAuth(role: Role | null = 'producer', sub = 'test-sub'): AuthController {
  const state: AuthState = { status: 'signed-in', session: { sub, username: `${role ?? 'nobody'}.user`, role } };
  return { getState: () => state, subscribe: () => () => undefined } as unknown as AuthController;
}

/** Renders with a fresh QueryClient (no retries), a given AWS layer, a signed-in role and polling switched off. */
export function renderWithProviders(ui: ReactElement, aws: AwsLayer = noAws, role: Role | null = 'producer', notices: NoticeStore = createNoticeStore()): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <AuthContext value={fakeAuth(role)}>
      <QueryClientProvider client={client}>
        <AwsProvider aws={aws}>
          <PollingContext value={{ intervals, paused: true, setPaused: () => undefined }}>
            <NoticeContext value={notices}>{ui}</NoticeContext>
          </PollingContext>
        </AwsProvider>
      </QueryClientProvider>
    </AuthContext>,
  );
}
