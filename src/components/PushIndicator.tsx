import type { ReactNode } from 'react';
import { useNow } from '../query/polling';
import { pushStatusText, usePushStatus } from '../query/push/PushProvider';

/** The header's word on how the console stays current: pushed events, or polling only and why. */
export function PushIndicator(): ReactNode {
  const { status } = usePushStatus();
  const now = useNow();
  const text = pushStatusText(status, now);
  const tone = status.kind === 'live' ? 'badge-ok' : status.kind === 'not-configured' ? 'badge-info' : status.kind === 'connecting' ? 'badge-warn' : 'badge-bad';
  const detail =
    status.kind === 'retrying' || status.kind === 'refused'
      ? `${status.region}: ${status.why}`
      : status.kind === 'failed'
        ? status.why
        : status.kind === 'live'
          ? 'IVS stage events arrive as they happen; the views also refresh now and then to catch any that were lost.'
          : status.kind === 'not-configured'
            ? 'config.json names no events endpoints, so every view refreshes on its own schedule.'
            : 'Opening the events connection; views refresh on their own schedule meanwhile.';
  return (
    <span className={`badge push-indicator ${tone}`} title={detail} data-push={status.kind}>
      {text}
    </span>
  );
}
