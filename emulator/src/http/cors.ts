// CORS for browser callers of the AWS APIs: the model's smithy.api#cors trait, whose origin and max-age keep the
// Smithy defaults (`*`, 600), as ../shared/ivs-realtime/README.md records from the model.
import type { IncomingHttpHeaders } from 'node:http';
import { ivsRealtimeModel } from '../model/generated/ivs-realtime.ts';

// From the trait: the SDK's own headers on top of the SigV4 ones. Used when a preflight names none.
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-user-agent',
  'x-amz-target', // Cognito Identity (awsJson1_1) shares the emulator's port
  'x-api-key',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
];
const EXPOSED_HEADERS = ['x-amzn-RequestId', 'x-amzn-ErrorType', 'x-amzn-ErrorMessage', 'x-amzn-trace-id', 'x-amz-apigw-id', 'Date'];
// Readable by scripts without being exposed (Fetch "CORS-safelisted response-header names").
const SAFELISTED = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Headers of the 204 answer to an OPTIONS preflight, on every route and before any auth. */
export function preflightHeaders(reqHeaders: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, DELETE',
    'Access-Control-Allow-Headers': requestedHeaders(reqHeaders['access-control-request-headers']),
    'Access-Control-Max-Age': '600',
    // The answer depends on the requested headers, so caches must not share it across different requests.
    Vary: 'Access-Control-Request-Headers',
  };
  // AWS is silent (it is never on a private network); Chrome's Private Network Access asks before a public page
  // may call a loopback emulator, and without this answer such a page cannot reach it.
  if (reqHeaders['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  return headers;
}

/**
 * Headers for every actual response, errors included. `operation` adds its modelled output headers. The expose list
 * is a candidate list: the server cuts it to the headers the response carries (bound-headers.ts).
 */
export function corsHeaders(operation?: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': exposedFor(operation),
  };
}

/**
 * Echo of Access-Control-Request-Headers (services whose preflight dropped amz-sdk-* broke every browser SDK call).
 * Only well-formed header names are echoed; AWS is silent on malformed ones, and we drop them rather than reflect them.
 */
function requestedHeaders(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value.join(',') : (value ?? '');
  const names = raw
    .split(',')
    .map((n) => n.trim())
    .filter((n) => HEADER_NAME.test(n));
  return (names.length > 0 ? names : ALLOWED_HEADERS).join(', ');
}

const exposedCache = new Map<string, string>();

/** The modelled output headers come from the generated table (today only Start/StopParticipantReplication have any). */
function exposedFor(operation: string | undefined): string {
  const op = operation !== undefined && Object.hasOwn(ivsRealtimeModel.operations, operation) ? ivsRealtimeModel.operations[operation] : undefined;
  // Keyed by modelled operations only, so arbitrary request paths cannot grow the cache.
  const key = op?.name ?? '';
  const cached = exposedCache.get(key);
  if (cached !== undefined) return cached;
  const names = [...EXPOSED_HEADERS];
  const output = op?.output ? ivsRealtimeModel.shapes[op.output] : undefined;
  if (output?.type === 'structure') {
    for (const member of Object.values(output.members)) {
      const name = member.location === 'header' ? member.locationName : undefined;
      if (name && !SAFELISTED.has(name.toLowerCase()) && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
    }
  }
  const joined = names.join(', ');
  exposedCache.set(key, joined);
  return joined;
}
