import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';
const SYMBOL: Record<Tone, string> = { ok: '●', warn: '▲', bad: '✕', neutral: '○', info: '◆' };

/** Status is text first; colour and symbol only repeat it. */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }): ReactNode {
  return (
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true">{SYMBOL[tone]} </span>
      {children}
    </span>
  );
}
