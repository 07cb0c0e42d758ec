// Reading a request body within the size limit, without resetting a client that sends too much.
import type { IncomingMessage } from 'node:http';

// AWS is silent on IVS's largest accepted body; we refuse more than 1 MiB with 413, far above the largest IVS input.
export const MAX_BODY_BYTES = 1024 * 1024;

/** `close`: the rest of the body was not read, so the connection must close after the answer. */
export class BodyTooLarge extends Error {
  readonly close: boolean;
  constructor(close: boolean) {
    super('body too large');
    this.close = close;
  }
}

// A body over the limit is still read and discarded up to this much, so the client is not reset mid-send and
// can read the 413; beyond it (or a declared length beyond it) we answer at once and close.
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A declared length we would never finish reading (10^15 bytes) is refused before waiting for it.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > DRAIN_LIMIT_BYTES) {
      reject(new BodyTooLarge(true));
      return;
    }
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > DRAIN_LIMIT_BYTES) {
        reject(new BodyTooLarge(true));
        req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) chunks = [];
      else chunks.push(c);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge(false)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
