// Routes an IVS Real-Time request from the model's HTTP bindings (method + requestUri of each operation).
import type { Operation, ServiceModel } from '../model/types.ts';
import { ServiceError } from '../errors.ts';

type Route = { operation: Operation; regex: RegExp; labels: string[] };

export type RouteMatch = { operation: Operation; labels: Record<string, string> };

/** Builds a matcher from every operation's binding; labels match one raw (still percent-encoded) path segment. */
export function createRouter(model: ServiceModel): (method: string, rawPath: string) => RouteMatch | undefined {
  const routes: Route[] = Object.values(model.operations).map((operation) => {
    const labels: string[] = [];
    const [pathPart] = operation.http.requestUri.split('?');
    const source = pathPart
      .split('/')
      .map((seg) => {
        const m = /^\{([^}+]+)\+?\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        labels.push(m[1]);
        return '([^/]+)';
      })
      .join('/');
    return { operation, regex: new RegExp(`^${source}$`), labels };
  });
  return (method, rawPath) => {
    for (const r of routes) {
      if (r.operation.http.method !== method) continue;
      const m = r.regex.exec(rawPath);
      if (!m) continue;
      const labels: Record<string, string> = {};
      r.labels.forEach((name, i) => {
        try {
          labels[name] = decodeURIComponent(m[i + 1]);
        } catch {
          throw new ServiceError('ValidationException', 400, `The path segment for ${name} is not valid percent-encoding.`);
        }
      });
      return { operation: r.operation, labels };
    }
    return undefined;
  };
}

/** Decoded query parameters; repeated keys become arrays (UntagResource's tagKeys). */
export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * Assembles an operation's input from the request: JSON body members, URI labels, query strings and headers,
 * as the input shape's member locations say. List-typed query members are always arrays.
 */
export function buildInput(
  model: ServiceModel,
  operation: Operation,
  parts: { body: Record<string, unknown>; labels: Record<string, string>; query: Record<string, string | string[]>; headers: Record<string, string | string[] | undefined> },
): Record<string, unknown> {
  if (!operation.input) return {};
  const shape = model.shapes[operation.input];
  if (shape.type !== 'structure') return {};
  const input: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members)) {
    const wire = ref.locationName ?? name;
    switch (ref.location) {
      case 'uri':
        if (parts.labels[wire] !== undefined) input[name] = parts.labels[wire];
        break;
      case 'querystring': {
        const v = parts.query[wire];
        if (v === undefined) break;
        const isList = model.shapes[ref.shape]?.type === 'list';
        input[name] = isList ? (Array.isArray(v) ? v : [v]) : Array.isArray(v) ? v[0] : v;
        break;
      }
      case 'header': {
        const v = parts.headers[wire.toLowerCase()];
        if (v !== undefined) input[name] = Array.isArray(v) ? v.join(',') : v;
        break;
      }
      default:
        if (name in parts.body) input[name] = parts.body[name];
    }
  }
  return input;
}
