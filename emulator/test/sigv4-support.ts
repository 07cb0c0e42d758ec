// Test helpers for the SigV4 check: requests signed by the SDK's own signer and hash (not the emulator's), and a
// throwaway HTTP server that feeds each raw request to verifySigV4, so the real IVS client can be checked.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 as SdkSha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { CredentialStore } from '../src/auth/credentials.ts';
import { ServiceError } from '../src/errors.ts';
import { verifySigV4, type SignedRequest, type VerifyOptions } from '../src/http/sigv4.ts';

export type Signing = {
  method?: string;
  /** Raw path as it goes on the wire (already percent-encoded). */
  path?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  service?: string;
  date?: Date;
  applyChecksum?: boolean;
};

/** RFC 3986 encoding as the SDK's query builder does it. */
const escape = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function signRequest(s: Signing): Promise<SignedRequest> {
  const body = s.body ?? '{}';
  const method = s.method ?? 'POST';
  const signer = new SignatureV4({
    credentials: s.credentials,
    region: s.region ?? 'us-west-2',
    service: s.service ?? 'ivs',
    sha256: SdkSha256,
    uriEscapePath: true,
    applyChecksum: s.applyChecksum ?? true,
  });
  const headers: Record<string, string> = { host: '127.0.0.1:4599', 'x-amz-user-agent': 'aws-sdk-js/3 test', ...s.headers };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const signed = await signer.sign(
    { method, protocol: 'http:', hostname: '127.0.0.1', port: 4599, path: s.path ?? '/GetStage', query: s.query ?? {}, headers, body: method === 'GET' ? undefined : body },
    { signingDate: s.date ?? new Date() },
  );
  const lowered: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) lowered[k.toLowerCase()] = v;
  const rawQuery = Object.entries(s.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${escape(k)}=${escape(x)}`))
    .join('&');
  return { method, rawPath: s.path ?? '/GetStage', rawQuery, headers: lowered, body: Buffer.from(method === 'GET' ? '' : body) };
}

/** The error a verification raised, for `expect(...).toMatchObject({ code, status })`. */
export async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('verification passed but was expected to fail');
}

export type Seen = { method: string; rawPath: string; rawQuery: string; signedHeaders: string; error?: string };

/** A server that answers like IVS just enough for the SDK to parse, after checking the signature. */
export async function startVerifyingServer(store: CredentialStore, opts: VerifyOptions): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const sreq: SignedRequest = {
        method: req.method ?? 'GET',
        rawPath: q < 0 ? url : url.slice(0, q),
        rawQuery: q < 0 ? '' : url.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const entry: Seen = { method: sreq.method, rawPath: sreq.rawPath, rawQuery: sreq.rawQuery, signedHeaders: /SignedHeaders=([^,]*)/.exec(req.headers.authorization ?? '')?.[1] ?? '' };
      seen.push(entry);
      verifySigV4(sreq, store, opts).then(
        () => {
          const body = sreq.rawPath === '/GetStage' ? { stage: { arn: 'arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh' } } : sreq.method === 'GET' ? { tags: {} } : {};
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        },
        (e: ServiceError) => {
          entry.error = e.code;
          res.writeHead(e.status, { 'content-type': 'application/json', 'x-amzn-ErrorType': e.code }).end(JSON.stringify({ message: e.message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
