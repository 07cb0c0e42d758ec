// Checks a Cognito Identity request body against its input shape in the generated table: types, required
// members, lengths (in code points, as Smithy counts), patterns and map sizes. Values are never echoed back:
// Logins holds ID tokens, which the model marks sensitive.
import { cognitoIdentityModel as model } from '../model/generated/cognito-identity.ts';
import type { Shape } from '../model/types.ts';
import { invalidParameter, serialization } from './errors.ts';

const patterns = new Map<string, RegExp>();

/** Throws SerializationException for a wrong JSON type, else InvalidParameterException listing every violation. */
export function validateInput(shapeName: string, input: unknown): void {
  const problems: string[] = [];
  check(shapeName, input, '', problems);
  if (problems.length > 0) {
    const n = problems.length;
    throw invalidParameter(`${n} validation error${n > 1 ? 's' : ''} detected: ${problems.join('; ')}`);
  }
}

function check(shapeName: string, value: unknown, path: string, problems: string[]): void {
  const shape: Shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) throw serialization(`Expected a JSON object${at(path)}.`);
      for (const name of shape.required ?? []) {
        if (value[name] === undefined || value[name] === null) problems.push(`Value null at '${join(path, name)}' failed to satisfy constraint: Member must not be null`);
      }
      for (const [name, member] of Object.entries(shape.members)) {
        // JSON null is how some clients say "absent"; unknown members are ignored, as AWS JSON services do.
        if (value[name] !== undefined && value[name] !== null) check(member.shape, value[name], join(path, name), problems);
      }
      return;
    }
    case 'map': {
      if (!isObject(value)) throw serialization(`Expected a JSON object${at(path)}.`);
      const entries = Object.entries(value);
      if (shape.max !== undefined && entries.length > shape.max) problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      if (shape.min !== undefined && entries.length < shape.min) problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
      for (const [k, v] of entries) {
        check(shape.key.shape, k, `${path}.key`, problems);
        if (v === null) problems.push(`Value null at '${path}.value' failed to satisfy constraint: Member must not be null`);
        else check(shape.value.shape, v, `${path}.value`, problems);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') throw serialization(`Expected a JSON string${at(path)}.`);
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && length > shape.max) problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !pattern(shape.pattern).test(value)) problems.push(`Value at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(value)) problems.push(`Value at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw serialization(`Expected a JSON boolean${at(path)}.`);
      return;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (typeof value !== 'number') throw serialization(`Expected a JSON number${at(path)}.`);
      return;
    default:
      // Timestamps and blobs appear only in outputs of the two supported operations.
      return;
  }
}

/** botocore patterns are unanchored; the whole value must match. */
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`, 'u');
    patterns.set(source, re);
  }
  return re;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const join = (path: string, name: string) => (path === '' ? name : `${path}.${name}`);
const at = (path: string) => (path === '' ? ' as the request body' : ` at '${path}'`);
