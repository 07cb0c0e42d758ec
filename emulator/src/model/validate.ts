// Validates a request against the generated model table. No I/O; throws ServiceError(ValidationException).
import { ServiceError, validation } from '../errors.ts';
import type { MemberRef, ServiceModel, Shape } from './types.ts';

// The model's patterns are written unanchored ('[a-zA-Z0-9-_]*'); as a substring search they would accept
// anything. AWS applies them to the whole value, so we anchor every pattern once, here. Smithy's patterns
// compile without flags (not with the 'v' flag, which rejects `[a-zA-Z0-9-_]`).
const compiled = new Map<string, RegExp>();
export function patternOf(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re;
}

/** Smithy measures string length in code points, not UTF-16 units. */
export const codePoints = (s: string): number => [...s].length;

/**
 * Shapes whose model pattern is wrong and is not enforced literally: ResourceArn's `…:[a-z-]/…` matches one character,
 * so real stage ARNs fail it (listed in ../shared/ivs-realtime/README.md among the pitfalls).
 */
const UNENFORCED_PATTERNS = new Set(['ResourceArn']);

type Where = string;

function fail(where: Where, what: string): never {
  throw validation(`Invalid value for ${where}: ${what}.`);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function validateValue(model: ServiceModel, ref: MemberRef | { shape: string }, value: unknown, where: Where): void {
  const shapeName = ref.shape;
  const shape: Shape | undefined = model.shapes[shapeName];
  if (!shape) throw new ServiceError('InternalServerException', 500, `Model has no shape ${shapeName}.`);
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') fail(where, `expected a string, got ${typeName(value)}`);
      const len = codePoints(value);
      if (shape.min !== undefined && len < shape.min) fail(where, `must be at least ${shape.min} characters long (got ${len})`);
      if (shape.max !== undefined && len > shape.max) fail(where, `must be at most ${shape.max} characters long (got ${len})`);
      if (shape.enum && !shape.enum.includes(value)) fail(where, `must be one of ${shape.enum.join(', ')} (got "${value}")`);
      if (shape.pattern && !UNENFORCED_PATTERNS.has(shapeName) && !patternOf(shape.pattern).test(value)) {
        fail(where, `"${value}" does not match the pattern ${shape.pattern}`);
      }
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) fail(where, `expected an integer, got ${typeName(value)}`);
      if (shape.min !== undefined && value < shape.min) fail(where, `must be at least ${shape.min} (got ${value})`);
      if (shape.max !== undefined && value > shape.max) fail(where, `must be at most ${shape.max} (got ${value})`);
      return;
    }
    case 'float':
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, `expected a number, got ${typeName(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(where, `expected true or false, got ${typeName(value)}`);
      return;
    case 'timestamp':
      if (typeof value !== 'string' && typeof value !== 'number') fail(where, `expected a timestamp, got ${typeName(value)}`);
      return;
    case 'blob':
      if (typeof value !== 'string') fail(where, `expected base64 text, got ${typeName(value)}`);
      return;
    case 'list': {
      if (!Array.isArray(value)) fail(where, `expected a list, got ${typeName(value)}`);
      if (shape.min !== undefined && value.length < shape.min) fail(where, `must have at least ${shape.min} items (got ${value.length})`);
      if (shape.max !== undefined && value.length > shape.max) fail(where, `must have at most ${shape.max} items (got ${value.length})`);
      value.forEach((v, i) => validateValue(model, shape.member, v, `${where}[${i}]`));
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, `expected a map, got ${typeName(value)}`);
      const entries = Object.entries(value);
      if (shape.min !== undefined && entries.length < shape.min) fail(where, `must have at least ${shape.min} entries (got ${entries.length})`);
      if (shape.max !== undefined && entries.length > shape.max) fail(where, `must have at most ${shape.max} entries (got ${entries.length})`);
      for (const [k, v] of entries) {
        validateValue(model, shape.key, k, `${where} key "${k}"`);
        validateValue(model, shape.value, v, `${where}["${k}"]`);
      }
      return;
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, `expected an object, got ${typeName(value)}`);
      validateStructure(model, shapeName, value as Record<string, unknown>, where);
      return;
    }
  }
}

/**
 * Validates an operation's input. `where` prefixes member names in messages ("" at the top level).
 * Unknown members are ignored (AWS is silent on IVS's handling; ignoring them lets an SDK newer than the model
 * call this emulator). null counts as absent (the SDK never sends null).
 */
export function validateStructure(model: ServiceModel, shapeName: string, input: Record<string, unknown>, where = ''): void {
  const shape = model.shapes[shapeName];
  if (!shape || shape.type !== 'structure') throw new ServiceError('InternalServerException', 500, `Model has no structure ${shapeName}.`);
  for (const name of shape.required ?? []) {
    if (input[name] === undefined || input[name] === null) {
      throw validation(`Missing required parameter ${where ? `${where}.` : ''}${name}.`);
    }
  }
  for (const [name, ref] of Object.entries(shape.members)) {
    const v = input[name];
    if (v === undefined || v === null) continue;
    validateValue(model, ref, v, where ? `${where}.${name}` : name);
  }
}
