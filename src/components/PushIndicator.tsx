import type { ReactNode } from 'react';
import { useNow } from '../query/polling';
import { pushStatusText, usePushStatus } from '../query/push/context';

/** The header's word on how the console stays current: pushed events, or polling only and why. */
export function PushIndicator(): ReactNode {
  const { status } = usePushStatus();
  const now = useNow();
  const text = pushStatusText(status, now);
  const detail = 'why' in status ? ('region' in status ? `${status.region}: ${status.why}` : status.why) : undefined;
  return (
    <span className={`badge push-indicator push-${status.kind}`} title={detail}>
      {text}
    </span>
  );
}
