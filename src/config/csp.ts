// The Content-Security-Policy and security headers of the built app. Pure functions, used by
// vite.config.ts for `vite preview` and documented in the README for production hosting.
import type { AppConfig } from './schema';

function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * Every origin the browser app may fetch from: IVS, Cognito Identity and CloudWatch (the metric charts) per region,
 * the region's events endpoints when configured, the user pool, its login domain.
 */
export function connectSources(config: Pick<AppConfig, 'regions' | 'auth'>): string[] {
  const out = new Set<string>();
  for (const r of config.regions) {
    out.add(r.ivsEndpoint ? originOf(r.ivsEndpoint) : `https://ivsrealtime.${r.id}.amazonaws.com`);
    out.add(r.cognitoEndpoint ? originOf(r.cognitoEndpoint) : `https://cognito-identity.${r.id}.amazonaws.com`);
    out.add(r.cloudwatchEndpoint ? originOf(r.cloudwatchEndpoint) : `https://monitoring.${r.id}.amazonaws.com`);
    // Pushed stage events: the socket opens on the real-time origin (ws(s), which 'self' never covers); the HTTP
    // origin is only the host the socket's signatures name, listed so a later HTTP call there is not a surprise.
    if (r.eventsRealtimeEndpoint) out.add(originOf(r.eventsRealtimeEndpoint));
    if (r.eventsHttpEndpoint) out.add(originOf(r.eventsHttpEndpoint));
  }
  // Discovery and JWKS live under the authority; token and revoke under the login domain.
  out.add(originOf(config.auth.authority));
  if (config.auth.loginDomain) out.add(originOf(config.auth.loginDomain));
  return [...out];
}

/** A strict policy: scripts and styles only from this origin, no inline, no eval, no framing, no plugins. */
export function contentSecurityPolicy(config: Pick<AppConfig, 'regions' | 'auth'>): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources(config).join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The headers every response of the built app carries. Add Strict-Transport-Security when served over HTTPS. */
export function securityHeaders(config: Pick<AppConfig, 'regions' | 'auth'>): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(config),
    'X-Content-Type-Options': 'nosniff',
    // Keeps the authorization code out of Referer while it is briefly in the address bar.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
