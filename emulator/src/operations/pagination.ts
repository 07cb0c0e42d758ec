// Declarative nextToken pagination over state/page-tokens.ts. Pages are slices by position, so a page costs the
// same whatever the size of the list.
import type { PageTokens } from '../state/page-tokens.ts';

export type PageRequest = { nextToken?: unknown; maxResults?: unknown };

/**
 * One page of `items` (already in the operation's stable order). `scope` names everything the list depends on
 * besides position (stage, session, filters), so a token is only valid for the same request.
 */
export function page<T>(
  tokens: PageTokens,
  items: readonly T[],
  req: PageRequest,
  opts: { operation: string; scope: string; defaultPageSize: number; now: number },
): { items: T[]; nextToken?: string } {
  const size = typeof req.maxResults === 'number' ? req.maxResults : opts.defaultPageSize;
  const start = typeof req.nextToken === 'string' && req.nextToken !== '' ? tokens.read(req.nextToken, opts.operation, opts.scope, opts.now) : 0;
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  return end < items.length ? { items: slice, nextToken: tokens.issue(opts.operation, opts.scope, end, opts.now) } : { items: slice };
}
