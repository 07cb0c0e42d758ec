// Raw HTTP for robustness tests: bytes written to a socket exactly as given (no client tidies them up), and
// requests signed by the SDK's own signer for this emulator's host.
import { connect } from 'node:net';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../src/auth/credentials.ts';
import { signRequest } from './sigv4-support.ts';

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/** Sends `bytes` on a fresh connection and reads the response until the server closes it (or `timeoutMs`). */
export function sendRaw(url: string, bytes: Buffer | string, opts: { abortAfterWrite?: boolean; timeoutMs?: number } = {}): Promise<RawResponse | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (opts.abortAfterWrite) {
        socket.destroy();
        resolve(undefined);
      }
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error('no response before the timeout')), opts.timeoutMs ?? 5_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (opts.abortAfterWrite) return;
      // The server may reset a connection after answering (e.g. a body it refused to read): keep what arrived.
      if (chunks.length > 0) resolve(parse(Buffer.concat(chunks)));
      else reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (!opts.abortAfterWrite && chunks.length > 0) resolve(parse(Buffer.concat(chunks)));
    });
  });
}

function parse(raw: Buffer): RawResponse {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end < 0 ? text.length : end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: end < 0 ? '' : raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1')).toString('utf8') };
}

/** An HTTP/1.1 request as bytes; headers are written in order, repeats allowed, nothing added but what is given. */
export function httpRequest(method: string, path: string, headers: [string, string][], body: Buffer | string = ''): Buffer {
  const head = `${method} ${path} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

/** Headers of a request signed with the static key for this emulator (the SDK signs host with its port). */
export async function signedHeaders(url: string, s: { method?: string; path: string; body?: string; query?: Record<string, string | string[]> }): Promise<[string, string][]> {
  const host = new URL(url).host;
  const signed = await signRequest({
    method: s.method ?? 'POST',
    path: s.path,
    query: s.query,
    body: s.body,
    headers: { host },
    region: 'us-east-1',
    credentials: { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY },
  });
  return [...Object.entries(signed.headers as Record<string, string>), ['connection', 'close']];
}
