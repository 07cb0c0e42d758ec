// SigV4 verification of IVS requests, in the order AWS reports the failures:
// (1) parse Authorization and X-Amz-Date, (2) look the key up and check its session token and expiry,
// (3) clock skew and scope date, (4) body hash, (5) re-sign and compare.
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Caller, CredentialStore } from '../auth/credentials.ts';
import { ServiceError } from '../errors.ts';
import { Sha256, sha256Hex } from './sha256.ts';
import { formatAmzDate, parseAmzDate, parseAuthorization } from './sigv4-parse.ts';
import { parseRawQuery } from './sigv4-query.ts';

export type SignedRequest = {
  method: string;
  /** As received, still percent-encoded (the canonical path is built from it, encoded once more). */
  rawPath: string;
  /** Without the leading `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type VerifyOptions = {
  service: 'ivs' | 'monitoring' | 'appsync';
  /** Real clock for the ±5 min skew check (not the semantic clock, which only governs credential expiry). */
  realNow?: () => number;
  /** When given, a credential scope outside these regions is rejected like AWS rejects a foreign region. */
  regions?: readonly string[];
};

const SKEW_MS = 5 * 60 * 1000;

const gateway = (code: string, message: string) => new ServiceError(code, 403, message, 'gateway');
const invalidSignature = (message: string) => gateway('InvalidSignatureException', message);
const unrecognized = () => gateway('UnrecognizedClientException', 'The security token included in the request is invalid.');

export async function verifySigV4(
  req: SignedRequest,
  store: CredentialStore,
  opts: VerifyOptions,
): Promise<{ caller: Caller; region: string }> {
  // (1) Presigned query-string auth (X-Amz-Signature) is not offered: the SDK and CLI sign IVS calls in headers.
  const authorization = header(req.headers, 'authorization');
  if (!authorization) throw gateway('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const auth = parseAuthorization(authorization);
  const amzDate = parseAmzDate(header(req.headers, 'x-amz-date'));
  if (auth.service !== opts.service) throw invalidSignature(`Credential should be scoped to correct service: '${opts.service}'.`);
  if (opts.regions && !opts.regions.includes(auth.region)) {
    throw invalidSignature(`Credential should be scoped to a valid region, not '${clip(auth.region)}'.`);
  }

  // (2) AWS is silent on IVS's answer to a long-term (AKIA) key sent with a session token; we refuse it as an
  // invalid token, and so an ASIA key without its token or with another key's token.
  const known = store.find(auth.accessKeyId);
  if (!known) throw unrecognized();
  const token = header(req.headers, 'x-amz-security-token');
  if (known.sessionToken === undefined ? token !== undefined : token === undefined || !sameText(token, known.sessionToken)) {
    throw unrecognized();
  }
  if (known.caller.expiresAt !== undefined && store.now() >= known.caller.expiresAt) {
    throw gateway('ExpiredTokenException', 'The security token included in the request is expired');
  }

  // (3) Skew is measured on the real clock so the SDK's clock correction (from the response Date) works.
  const now = (opts.realNow ?? Date.now)();
  if (amzDate.ms < now - SKEW_MS) {
    throw invalidSignature(`Signature expired: ${amzDate.iso} is now earlier than ${formatAmzDate(now - SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`);
  }
  if (amzDate.ms > now + SKEW_MS) {
    throw invalidSignature(`Signature not yet current: ${amzDate.iso} is still later than ${formatAmzDate(now + SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`);
  }
  const day = amzDate.iso.slice(0, 8);
  if (auth.scopeDate !== day) {
    throw invalidSignature(`Date in Credential scope does not match YYYYMMDD from X-Amz-Date: '${auth.scopeDate}' != '${day}', from '${amzDate.iso}'.`);
  }

  // (4) The signer takes x-amz-content-sha256 on trust, so the body is hashed here. AWS is silent on the IVS
  // answer to a wrong hash (S3 has its own code); we send InvalidSignatureException, since the signature covers a
  // body that was not sent. UNSIGNED-PAYLOAD is an S3 feature and counts as a wrong hash here.
  const claimedHash = header(req.headers, 'x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== sha256Hex(req.body)) {
    throw invalidSignature('The x-amz-content-sha256 header does not match the SHA-256 of the request body.');
  }

  // (5) Re-sign exactly what the client says it signed: only its SignedHeaders, the raw path, the decoded query.
  const expected = await expectedSignature(req, auth.signedHeaders, {
    accessKeyId: auth.accessKeyId,
    secretAccessKey: known.secretAccessKey,
    region: auth.region,
    service: auth.service,
    signingDate: new Date(amzDate.ms),
  });
  if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(auth.signature, 'hex'))) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  return { caller: known.caller, region: auth.region };
}

type SigningKey = { accessKeyId: string; secretAccessKey: string; region: string; service: string; signingDate: Date };

async function expectedSignature(req: SignedRequest, signedHeaders: string[], key: SigningKey): Promise<string> {
  const headers: Record<string, string> = Object.create(null);
  for (const name of signedHeaders) {
    const value = header(req.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  // The session token is left out of the credentials on purpose: the signer would otherwise add an
  // x-amz-security-token header to the canonical request even when the client did not sign it (AWS is silent on
  // whether IVS requires the token header to be signed; we accept it unsigned, as the SigV4 rules allow). applyChecksum: false likewise stops it adding x-amz-content-sha256.
  const signer = new SignatureV4({
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
    region: key.region,
    service: key.service,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: '', path: req.rawPath, query: parseRawQuery(req.rawQuery), headers, body: req.body },
    { signingDate: key.signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const match = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization ?? '');
  return match ? match[1] : '0'.repeat(64);
}

/**
 * One header's value. Node joins repeated headers with ", "; SigV4 joins them with ",", so a client that signs a
 * repeated header gets a mismatch. AWS is silent for IVS, and the SDKs never repeat a signed header.
 */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 64)}...` : s;
}
