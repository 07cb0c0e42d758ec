// SHA-256 and HMAC-SHA-256 from node:crypto in the shape @smithy/signature-v4 expects (a Checksum constructor:
// `new Sha256()` hashes, `new Sha256(secret)` is an HMAC), so the emulator needs no extra crypto package.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Checksum, SourceData } from '@smithy/types';

function toBytes(data: SourceData): Uint8Array | string {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export class Sha256 implements Checksum {
  private readonly secret?: SourceData;
  private hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret;
    this.hash = this.fresh();
  }

  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(this.secret));
  }
}

/** Hex SHA-256 of a body, for the x-amz-content-sha256 check. */
export function sha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}
