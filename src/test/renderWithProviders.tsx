import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AwsProvider } from '../aws/AwsProvider';
import type { AwsLayer } from '../aws/awsLayer';
import { PollingContext } from '../query/polling';

const intervals = { stages: 5000, stage: 3000, participants: 3000, participant: 3000 };

/** Renders with a fresh QueryClient (no retries), a given AWS layer and polling switched off. */
export function renderWithProviders(ui: ReactElement, aws: AwsLayer = { regions: ['us-east-1'], send: () => Promise.reject(new Error('no AWS in unit tests')) }): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AwsProvider aws={aws}>
        <PollingContext value={{ intervals, paused: true, setPaused: () => undefined }}>{ui}</PollingContext>
      </AwsProvider>
    </QueryClientProvider>,
  );
}
