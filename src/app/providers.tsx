import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { AwsProvider } from '../aws/AwsProvider';
import { createAwsLayer, type AwsLayer } from '../aws/awsLayer';
import type { AppConfig } from '../config/schema';
import { PollingContext, usePollingState } from '../query/polling';
import { createQueryClient } from '../query/queryClient';

/** The composition root: one AWS layer, one QueryClient and the polling switch, built once. */
export function Providers({ config, aws, children }: { config: AppConfig; aws?: AwsLayer; children: ReactNode }): ReactNode {
  const [queryClient] = useState(createQueryClient);
  const [layer] = useState(() => aws ?? createAwsLayer(config));
  const polling = usePollingState(config.pollIntervalsMs);
  return (
    <QueryClientProvider client={queryClient}>
      <AwsProvider aws={layer}>
        <PollingContext value={polling}>{children}</PollingContext>
      </AwsProvider>
    </QueryClientProvider>
  );
}
