// Requests Node's HTTP parser rejects before the server sees them (a request line that is not HTTP, a NUL byte
// in a header, an oversized header block, a Content-Length that is not a number). Node's own answer is a bare
// "400 Bad Request" with no request id or error type; we answer like the rest of the emulator and log it.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { corsHeaders } from './cors.ts';
import type { RequestLog } from './log.ts';

export function answerClientError(err: Error & { code?: string }, socket: Duplex, log: RequestLog): void {
  // The peer is gone (reset, or aborted mid-request): there is no one to answer.
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  // AWS is silent on what its front door says to unparseable HTTP; we pick a 400/431/408 with error types named
  // after the status, in the gateway's {"message"} style, so every client still gets a typed error.
  const [status, errorType] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'RequestHeaderFieldsTooLargeException']
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'RequestTimeoutException']
    : [400, 'BadRequestException'];
  const requestId = randomUUID();
  const body = JSON.stringify({ message: `The request is not valid HTTP (${err.code ?? 'parse error'}).` });
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': errorType,
    Date: new Date().toUTCString(),
    ...corsHeaders(),
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
  log.add({ time: new Date().toISOString(), requestId, method: '', path: '', operation: 'unknown', service: 'none', status, errorType, latencyMs: 0 });
}
