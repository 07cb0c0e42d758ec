import type { ReactNode } from 'react';
import type { Region } from '../config/schema';
import { usePushStatus } from '../query/push/context';
import { Redirect } from '../routing/Redirect';
import { href } from '../routing/route';

/** The landing page: the live board when pushed events are configured, the first region's stage list otherwise. */
export function HomeRedirect({ regions }: { regions: readonly Region[] }): ReactNode {
  const { configured } = usePushStatus();
  return <Redirect to={configured ? href('/board') : href('/regions/:region/stages', { region: regions[0] ?? '' })} />;
}
