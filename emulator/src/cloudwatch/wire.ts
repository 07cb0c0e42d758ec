// CloudWatch's two wire protocols on the emulator's port. The current JS SDK and boto3 speak AWS JSON 1.0
// (X-Amz-Target: GraniteServiceVersion20100801.<Op>, x-amzn-query-mode: true); older clients speak awsQuery
// (form-encoded Action=<Op>&Version=2010-08-01, XML answers). Both decode to one JSON-shaped input, and each
// request is answered in its own protocol.
import type { IncomingHttpHeaders } from 'node:http';
import { cloudwatchModel as model } from '../model/generated/cloudwatch.ts';
import type { Shape } from '../model/types.ts';
import { CloudWatchError, invalidParameter, missingParameter, validationError } from './errors.ts';

export type Protocol = 'json' | 'query';
export const TARGET_PREFIX = `${model.metadata.targetPrefix}.`;
const API_VERSION = model.apiVersion;

export type CloudWatchRequest = { method: string; rawPath: string; rawQuery: string; headers: IncomingHttpHeaders; body: Buffer };

const headerOf = (headers: IncomingHttpHeaders, name: string): string => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : (v ?? '');
};

/**
 * Which protocol a request to the shared port speaks, or undefined when it is not CloudWatch at all. IVS uses
 * REST paths with JSON bodies and Cognito Identity its own X-Amz-Target prefix, so neither is mistaken for it.
 */
export function detect(req: Pick<CloudWatchRequest, 'method' | 'rawPath' | 'rawQuery' | 'headers'>): Protocol | undefined {
  if (req.rawPath !== '/') return undefined;
  if (headerOf(req.headers, 'x-amz-target').startsWith(TARGET_PREFIX)) return 'json';
  const type = headerOf(req.headers, 'content-type').split(';')[0].trim().toLowerCase();
  if (req.method === 'POST' && type === 'application/x-www-form-urlencoded') return 'query';
  if (req.method === 'GET' && new URLSearchParams(req.rawQuery).has('Action')) return 'query';
  return undefined;
}

export type Decoded = { operation: string; input: Record<string, unknown> };

/** The operation name and its input as JSON-shaped values (timestamps still as sent; see toMillis). */
export function decode(protocol: Protocol, req: CloudWatchRequest): Decoded {
  if (protocol === 'json') {
    const operation = headerOf(req.headers, 'x-amz-target').slice(TARGET_PREFIX.length);
    let input: unknown = {};
    if (req.body.length > 0) {
      try {
        input = JSON.parse(req.body.toString('utf8'));
      } catch {
        throw new CloudWatchError('SerializationException', 'com.amazon.coral.service#SerializationException', 400, 'The request body is not valid JSON.');
      }
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new CloudWatchError('SerializationException', 'com.amazon.coral.service#SerializationException', 400, 'The request body must be a JSON object.');
    }
    return { operation, input: input as Record<string, unknown> };
  }
  const params = new URLSearchParams(req.method === 'GET' ? req.rawQuery : req.body.toString('utf8'));
  const flat = new Map<string, string>();
  for (const [k, v] of params) flat.set(k, v);
  const operation = flat.get('Action') ?? '';
  const version = flat.get('Version');
  // AWS is silent on a missing Version for CloudWatch; the query protocol needs it to pick the API, so we ask for it.
  if (version === undefined) throw missingParameter(`The request must contain the parameter Version (${API_VERSION}).`);
  if (version !== API_VERSION) throw invalidParameter(`Version "${version}" is not a CloudWatch API version; use ${API_VERSION}.`);
  const op = model.operations[operation];
  const input = op?.input ? queryValue(op.input, '', flat) : {};
  return { operation, input: (input ?? {}) as Record<string, unknown> };
}

/** Reads one value of the given shape from flattened query parameters (lists are `Name.member.N`, 1-based). */
function queryValue(shapeName: string, prefix: string, flat: Map<string, string>): unknown {
  const shape = model.shapes[shapeName] as Shape;
  const key = (name: string) => (prefix ? `${prefix}.${name}` : name);
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members)) {
        const v = queryValue(ref.shape, key(name), flat);
        if (v !== undefined) out[name] = v;
      }
      return prefix && Object.keys(out).length === 0 && !hasPrefix(flat, prefix) ? undefined : out;
    }
    case 'list': {
      const base = `${prefix}.member.`;
      const indexes = new Set<number>();
      for (const k of flat.keys()) {
        if (!k.startsWith(base)) continue;
        const n = Number(k.slice(base.length).split('.')[0]);
        if (Number.isInteger(n) && n >= 1) indexes.add(n);
      }
      // An empty list is sent as the bare name with an empty value.
      if (indexes.size === 0) return flat.has(prefix) ? [] : undefined;
      return [...indexes].sort((a, b) => a - b).map((n) => queryValue(shape.member.shape, `${prefix}.member.${n}`, flat));
    }
    case 'integer':
    case 'long': {
      const raw = flat.get(prefix);
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isInteger(n)) throw validationError(`Value '${raw}' at '${prefix}' failed to satisfy constraint: Member must be an integer.`);
      return n;
    }
    case 'double':
    case 'float': {
      const raw = flat.get(prefix);
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw validationError(`Value '${raw}' at '${prefix}' failed to satisfy constraint: Member must be a number.`);
      return n;
    }
    case 'boolean': {
      const raw = flat.get(prefix);
      if (raw === undefined) return undefined;
      if (raw !== 'true' && raw !== 'false') throw validationError(`Value '${raw}' at '${prefix}' failed to satisfy constraint: Member must be true or false.`);
      return raw === 'true';
    }
    default:
      return flat.get(prefix);
  }
}

const hasPrefix = (flat: Map<string, string>, prefix: string) => [...flat.keys()].some((k) => k === prefix || k.startsWith(`${prefix}.`));

/** A request timestamp in ms: JSON sends epoch seconds (fractions allowed), awsQuery ISO 8601. */
export function toMillis(value: unknown, member: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
    const ms = Date.parse(trimmed);
    if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed) && Number.isFinite(ms)) return ms;
  }
  throw validationError(`Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must be a timestamp (ISO 8601 or epoch seconds).`);
}

export type Encoded = { status: number; headers: Record<string, string>; body: string };

/** Output values keep timestamps as ms numbers; the encoders write them in each protocol's form. */
export function encodeOutput(protocol: Protocol, operation: string, output: Record<string, unknown>, requestId: string): Encoded {
  const op = model.operations[operation];
  if (protocol === 'json') {
    return { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.0' }, body: JSON.stringify(jsonValue(op.output ?? '', output)) };
  }
  const inner = op.output ? xmlMembers(op.output, output) : '';
  const wrapper = op.resultWrapper ?? `${operation}Result`;
  const body =
    `<${operation}Response xmlns="${model.metadata.xmlNamespace}"><${wrapper}>${inner}</${wrapper}>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: { 'Content-Type': 'text/xml' }, body };
}

/** JSON output: timestamps as epoch seconds, as real CloudWatch sends them. */
function jsonValue(shapeName: string, value: unknown): unknown {
  const shape = model.shapes[shapeName];
  if (!shape || value === undefined) return value;
  if (shape.type === 'timestamp') return (value as number) / 1000;
  if (shape.type === 'list') return (value as unknown[]).map((v) => jsonValue(shape.member.shape, v));
  if (shape.type === 'structure') {
    const out: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members)) {
      const v = (value as Record<string, unknown>)[name];
      if (v !== undefined) out[name] = jsonValue(ref.shape, v);
    }
    return out;
  }
  return value;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/** The members of a structure as XML elements, in model order; lists as <member> items. */
function xmlMembers(shapeName: string, value: Record<string, unknown>): string {
  const shape = model.shapes[shapeName];
  if (shape?.type !== 'structure') return '';
  let out = '';
  for (const [name, ref] of Object.entries(shape.members)) {
    const v = value[name];
    if (v === undefined) continue;
    out += `<${name}>${xmlValue(ref.shape, v)}</${name}>`;
  }
  return out;
}

function xmlValue(shapeName: string, value: unknown): string {
  const shape = model.shapes[shapeName];
  switch (shape?.type) {
    case 'structure':
      return xmlMembers(shapeName, value as Record<string, unknown>);
    case 'list':
      return (value as unknown[]).map((v) => `<member>${xmlValue(shape.member.shape, v)}</member>`).join('');
    case 'timestamp':
      // Whole seconds, as AWS writes them.
      return new Date(value as number).toISOString().replace(/\.\d{3}Z$/, 'Z');
    default:
      return escapeXml(String(value));
  }
}

/** An error in the request's protocol, with x-amzn-query-error (boto3 needs it to raise the modelled class). */
export function encodeError(protocol: Protocol, e: CloudWatchError, requestId: string): Encoded {
  const headers: Record<string, string> = { 'x-amzn-query-error': `${e.code};${e.fault}` };
  if (protocol === 'json') {
    return { status: e.status, headers: { ...headers, 'Content-Type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ __type: e.type, message: e.message }) };
  }
  const body =
    `<ErrorResponse xmlns="${model.metadata.xmlNamespace}"><Error><Type>${e.fault}</Type><Code>${escapeXml(e.code)}</Code>` +
    `<Message>${escapeXml(e.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status: e.status, headers: { ...headers, 'Content-Type': 'text/xml' }, body };
}
