// Client-side navigation over the History API. app/router.tsx listens for NAVIGATE_EVENT and popstate;
// plain <a href> clicks are intercepted there too, so components can render ordinary links.
export const NAVIGATE_EVENT = 'greenroom:navigate';

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
