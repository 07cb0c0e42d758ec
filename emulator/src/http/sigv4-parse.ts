// Parsing of the SigV4 Authorization header and X-Amz-Date: step 1 of the check in sigv4.ts. Every failure here is
// IncompleteSignatureException (403): the request is not signed in a shape we can even try to verify.
import { ServiceError } from '../errors.ts';

export type ParsedAuthorization = {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
};

const ALGORITHM = 'AWS4-HMAC-SHA256';
const REQUIRED = ['Credential', 'SignedHeaders', 'Signature'] as const;

export const incomplete = (message: string) => new ServiceError('IncompleteSignatureException', 403, message, 'gateway');

export function parseAuthorization(header: string): ParsedAuthorization {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  // AWS is silent on the IVS text for another scheme (Basic, Bearer, SigV2, SigV4a); we call it incomplete,
  // since what AWS4-HMAC-SHA256 needs is missing, and name the one scheme we accept.
  if (algorithm !== ALGORITHM) throw incomplete(`Unsupported Authorization scheme '${clip(algorithm)}'; sign with ${ALGORITHM}.`);

  const params = new Map<string, string>();
  for (const part of (space < 0 ? '' : header.slice(space + 1)).split(',')) {
    const pair = part.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq < 0) throw incomplete(`Invalid key=value pair (no '=') in Authorization header: '${clip(pair)}'.`);
    params.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const missing = REQUIRED.filter((k) => !params.get(k));
  if (missing.length > 0) throw incomplete(missing.map((k) => `Authorization header requires '${k}' parameter.`).join(' '));

  const credential = params.get('Credential') as string;
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    throw incomplete(`Credential must have the form '<access key id>/<YYYYMMDD>/<region>/<service>/aws4_request', got '${clip(credential)}'.`);
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  if (terminator !== 'aws4_request') throw incomplete(`Credential should be scoped with the terminator 'aws4_request', not '${clip(terminator)}'.`);
  if (!/^\d{8}$/.test(scopeDate)) throw incomplete(`Credential scope date must be YYYYMMDD, got '${clip(scopeDate)}'.`);

  const signedHeaders = (params.get('SignedHeaders') as string).split(';');
  // SigV4 lists signed header names in lower case; AWS is silent on the error for an empty name, we treat it as incomplete.
  if (signedHeaders.some((h) => !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(h))) {
    throw incomplete('SignedHeaders must be a semicolon-separated list of lower-case header names.');
  }
  // AWS is silent on which type the IVS front door sends for an unsigned Host; we treat it as incomplete.
  if (!signedHeaders.includes('host')) throw incomplete("'Host' must be a SignedHeader in the AWS Authorization.");

  const signature = params.get('Signature') as string;
  if (!/^[0-9a-f]{64}$/.test(signature)) throw incomplete('Signature must be 64 lower-case hexadecimal characters.');

  return { accessKeyId, scopeDate, region, service, signedHeaders, signature };
}

/**
 * Parses `YYYYMMDDTHHMMSSZ` to epoch ms. AWS also accepts a signed `Date` header instead; the SDKs always send
 * X-Amz-Date, so the emulator requires it (the re-signing below stamps X-Amz-Date in any case).
 */
export function parseAmzDate(value: string | string[] | undefined): { iso: string; ms: number } {
  if (value === undefined) throw incomplete("Authorization header requires existence of an 'X-Amz-Date' header.");
  const iso = Array.isArray(value) ? value[0] : value;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(iso);
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
  if (!m || formatAmzDate(ms) !== iso) {
    throw incomplete(`X-Amz-Date must be in ISO 8601 basic format (YYYYMMDDTHHMMSSZ), got '${clip(iso)}'.`);
  }
  return { iso, ms };
}

export function formatAmzDate(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Echoed request text is cut short so a hostile header cannot bloat the error body. */
function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 64)}...` : s;
}
