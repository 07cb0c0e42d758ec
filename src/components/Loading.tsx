import type { ReactNode } from 'react';

export function Loading({ label }: { label: string }): ReactNode {
  return (
    <p className="loading" role="status">
      {label}…
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }): ReactNode {
  return <p className="empty">{children}</p>;
}
