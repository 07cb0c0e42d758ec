import { createContext, use, type ReactNode } from 'react';
import type { AwsLayer } from './awsLayer';

const AwsContext = createContext<AwsLayer | null>(null);

export function AwsProvider({ aws, children }: { aws: AwsLayer; children: ReactNode }): ReactNode {
  return <AwsContext value={aws}>{children}</AwsContext>;
}

export function useAws(): AwsLayer {
  const aws = use(AwsContext);
  if (!aws) throw new Error('useAws must be used inside <AwsProvider>');
  return aws;
}
