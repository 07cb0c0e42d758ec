import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { AwsProvider } from '../aws/AwsProvider';
import { createAwsLayer, type AwsLayer } from '../aws/awsLayer';
import { createCredentials } from '../aws/credentials';
import { loginsKey, pushConfigured, type AppConfig } from '../config/schema';
import { useAuthController } from '../auth/session';
import { PollingContext, usePollingState } from '../query/polling';
import { createQueryClient } from '../query/queryClient';
import { createNoticeStore, NoticeContext } from '../query/notices';
import { NoticeRegion } from '../components/NoticeRegion';
import { LazyPushProvider } from '../query/push/LazyPushProvider';

/** The composition root: one QueryClient, the polling switch and the notices, built once per page load. */
export function Providers({ config, children }: { config: AppConfig; children: ReactNode }): ReactNode {
  const [queryClient] = useState(createQueryClient);
  const [notices] = useState(createNoticeStore);
  const polling = usePollingState(config.pollIntervalsMs);
  return (
    <QueryClientProvider client={queryClient}>
      <PollingContext value={polling}>
        <NoticeContext value={notices}>
          {children}
          <NoticeRegion />
        </NoticeContext>
      </PollingContext>
    </QueryClientProvider>
  );
}

/**
 * The AWS layer of one signed-in user (mount it with key={sub}): built only after sign-in, with the user pool's
 * ID token as the Cognito login. At sign-out or expiry the layer (clients, credentials, identity id) is dropped
 * and the query cache cleared, so the next person at this browser sees nothing of the last.
 */
export function SessionAws({ config, aws, children }: { config: AppConfig; aws?: AwsLayer; children: ReactNode }): ReactNode {
  const auth = useAuthController();
  const queryClient = useQueryClient();
  const [layer] = useState(
    () =>
      aws ??
      createAwsLayer(config, (rc) => createCredentials(rc, { [loginsKey(config.auth)]: () => auth.getIdToken() }), {
        renew: () => auth.renew(),
        expired: () => auth.expired(),
      }),
  );
  useEffect(
    () =>
      auth.onSessionEnd(() => {
        queryClient.cancelQueries().catch(() => undefined);
        queryClient.clear();
        layer.dispose();
      }),
    [auth, queryClient, layer],
  );
  return (
    <AwsProvider aws={layer}>
      {pushConfigured(config) ? (
        <LazyPushProvider aws={layer} reconcileMs={config.pushReconcileMs}>
          {children}
        </LazyPushProvider>
      ) : (
        children
      )}
    </AwsProvider>
  );
}
