// The response headers the IVS model binds to output and error shapes (Start/StopParticipantReplication's outputs
// and every modelled error declare seven: the two CORS ones plus five security headers), and the
// Access-Control-Expose-Headers list cut down to the headers a response really carries.
import { ivsRealtimeModel } from '../model/generated/ivs-realtime.ts';

// AWS is silent on the values: the model declares the members without examples, and its documentation only links
// to each header's MDN page. We send what an API front end that serves JSON to browsers plausibly sends: no caching
// of per-caller answers, no framing, no sniffing, no active content, HTTPS-only for a year. The two CORS members
// are filled by cors.ts, x-amzn-ErrorType by the server.
const SECURITY_HEADER_VALUES: Record<string, string> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const cache = new Map<string, Record<string, string>>();

/** Header members the model binds to `shapeName` that the emulator fills here (the security headers). */
export function boundSecurityHeaders(shapeName: string | undefined): Record<string, string> {
  if (!shapeName || !Object.hasOwn(ivsRealtimeModel.shapes, shapeName)) return {};
  const cached = cache.get(shapeName);
  if (cached) return cached;
  const shape = ivsRealtimeModel.shapes[shapeName];
  const out: Record<string, string> = {};
  if (shape.type === 'structure') {
    for (const m of Object.values(shape.members)) {
      const name = m.location === 'header' ? m.locationName : undefined;
      const value = name ? SECURITY_HEADER_VALUES[name.toLowerCase()] : undefined;
      if (name && value !== undefined) out[name] = value;
    }
  }
  cache.set(shapeName, out);
  return out;
}

/** The security headers of an operation's successful answer (empty for the operations whose output binds none). */
export function outputSecurityHeaders(operation: string): Record<string, string> {
  const op = Object.hasOwn(ivsRealtimeModel.operations, operation) ? ivsRealtimeModel.operations[operation] : undefined;
  return boundSecurityHeaders(op?.output);
}

/** The security headers of a modelled IVS error (empty for errors outside the model, such as throttling). */
export function errorSecurityHeaders(code: string): Record<string, string> {
  const shape = Object.hasOwn(ivsRealtimeModel.shapes, code) ? ivsRealtimeModel.shapes[code] : undefined;
  return shape?.type === 'structure' && shape.error ? boundSecurityHeaders(code) : {};
}

/**
 * Rewrites Access-Control-Expose-Headers to name only headers present in `headers` (case-insensitively), so a
 * browser script is never told to expect a header that does not arrive; the CORS-safelisted ones need no naming.
 * `extra` adds names to consider (an error's bound headers). Without the header, returns `headers` unchanged.
 */
export function exposeOnlySent(headers: Record<string, string>, extra: string[] = []): Record<string, string> {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'access-control-expose-headers');
  if (!key) return headers;
  const present = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
  const names: string[] = [];
  for (const n of [...headers[key].split(',').map((s) => s.trim()), ...extra]) {
    const lower = n.toLowerCase();
    if (!n || !present.has(lower) || lower === 'cache-control' || names.some((x) => x.toLowerCase() === lower)) continue;
    names.push(n);
  }
  return { ...headers, [key]: names.join(', ') };
}
