// A structured log of every request, kept in memory for tests (read through the control API) and optionally
// written as JSON lines to a stream.
import type { Writable } from 'node:stream';

export type RequestLogEntry = {
  seq: number;
  time: string;
  requestId: string;
  method: string;
  path: string;
  /** AWS operation, "control:<path>", "preflight" or "unknown". */
  operation: string;
  service: 'ivs' | 'cognito-identity' | 'cognito-idp' | 'control' | 'cloudwatch' | 'appsync' | 'none';
  region?: string;
  status: number;
  errorType?: string;
  /** True when the rate limits (not an injected fault) answered ThrottlingException. */
  rateLimited?: boolean;
  latencyMs: number;
};

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;
  private readonly limit: number;
  private readonly out?: Writable;

  constructor(opts: { limit?: number; out?: Writable } = {}) {
    this.limit = opts.limit ?? 10_000;
    this.out = opts.out;
  }

  add(e: Omit<RequestLogEntry, 'seq'>): void {
    const entry = { seq: ++this.seq, ...e };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.out?.write(JSON.stringify(entry) + '\n');
  }

  /** Entries after sequence number `since` (0 = all kept). */
  since(since = 0): RequestLogEntry[] {
    return this.entries.filter((e) => e.seq > since);
  }

  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}
