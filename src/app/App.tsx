import type { ReactNode } from 'react';
import type { AppConfig } from '../config/schema';
import { AppLayout } from './AppLayout';
import { Providers } from './providers';
import { Routes } from './router';

export function App({ config }: { config: AppConfig }): ReactNode {
  const regions = config.regions.map((r) => r.id);
  return (
    <Providers config={config}>
      <AppLayout regions={regions}>
        <Routes regions={regions} />
      </AppLayout>
    </Providers>
  );
}
