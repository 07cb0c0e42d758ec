// Reading control API request bodies: every bad field is a 400 that names it.
import { ivsRealtimeModel as model } from '../model/generated/ivs-realtime.ts';
import { validateValue } from '../model/validate.ts';
import type { ClientInfo } from '../state/records.ts';

export class ControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export type Body = Record<string, unknown>;

export function asBody(body: unknown): Body {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ControlError(400, 'The request body must be a JSON object.');
  return body as Body;
}

export function requireString(body: Body, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || v === '') throw new ControlError(400, `${field} is required and must be a non-empty string.`);
  return v;
}

export function optionalString(body: Body, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ControlError(400, `${field} must be a string.`);
  return v;
}

/** Checks a value against a model shape, turning the model's message into a 400. */
export function checkShape(shape: string, value: unknown, field: string): void {
  try {
    validateValue(model, { shape }, value, field);
  } catch (e) {
    throw new ControlError(400, (e as Error).message);
  }
}

const CLIENT_FIELDS = ['osName', 'osVersion', 'browserName', 'browserVersion', 'sdkVersion', 'ispName'] as const;

/** Client info as the participant's client reports it, checked against the Participant shape's constraints. */
export function clientInfoOf(value: unknown, field: string): ClientInfo {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ControlError(400, `${field} must be an object.`);
  const v = value as Record<string, unknown>;
  const info: ClientInfo = {};
  for (const k of CLIENT_FIELDS) {
    if (v[k] === undefined || v[k] === null) continue;
    checkShape('ParticipantClientAttribute', v[k], `${field}.${k}`);
    info[k] = v[k] as string;
  }
  if (v.protocol !== undefined && v.protocol !== null) {
    checkShape('ParticipantProtocol', v.protocol, `${field}.protocol`);
    info.protocol = v.protocol as ClientInfo['protocol'];
  }
  return info;
}
