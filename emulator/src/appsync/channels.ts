// AppSync Events names: channels, the one channel namespace this emulator serves, the API's id and ARNs.
// A channel is 1–5 segments of [A-Za-z0-9-] (each at most 50 characters, not starting or ending with '-'); its first
// segment is the namespace. A subscription may end in the wildcard segment '*', which matches every channel below
// that path at any depth (AWS's tutorial: /default/* receives /default/greetings/tutorial).

/** The namespace IVS stage events are published in; the only one this emulator's Events API has. */
export const IVS_NAMESPACE = 'ivs';

const SEGMENT = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;
/** A subscription or message id: AWS's documented pattern. */
export const MESSAGE_ID = /^[a-zA-Z0-9\-_+]{1,128}$/;

export type Channel = { path: string; segments: string[]; namespace: string; wildcard: boolean };

/**
 * The channel as `/seg/seg…`, or a reason it is not one. A wildcard is allowed (as the last segment) only when
 * subscribing; AWS is silent on a wildcard right after the namespace being the whole pattern, which we allow
 * (`/ivs/*`), and on a bare `/*`, which names no namespace and is refused.
 */
export function parseChannel(raw: unknown, opts: { wildcard: boolean }): Channel | { error: string } {
  if (typeof raw !== 'string' || raw === '') return { error: 'channel must be a non-empty string such as /ivs/stage/AbCdEf123456.' };
  if (raw.length > 300) return { error: 'The channel is longer than 5 segments of 50 characters.' };
  const trimmed = raw.replace(/^\//, '').replace(/\/$/, '');
  const segments = trimmed.split('/');
  const wildcard = segments[segments.length - 1] === '*';
  const named = wildcard ? segments.slice(0, -1) : segments;
  if (wildcard && !opts.wildcard) return { error: 'A wildcard channel can be subscribed to, not published to.' };
  if (named.length === 0) return { error: 'The channel must start with its namespace (a wildcard cannot stand for it).' };
  if (segments.length > 5) return { error: `The channel has ${segments.length} segments; at most 5 are allowed.` };
  const bad = named.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) {
    return { error: `Channel segment "${bad.slice(0, 60)}" is not 1–50 letters, digits or '-' (not starting or ending with '-'); '*' may only be the last segment.` };
  }
  return { path: `/${named.join('/')}${wildcard ? '/*' : ''}`, segments: named, namespace: named[0], wildcard };
}

/** Whether an event published to `channel` (no wildcard) reaches a subscription to `pattern`. */
export function channelMatches(pattern: Channel, channel: Channel): boolean {
  if (!pattern.wildcard) return pattern.path === channel.path;
  if (channel.segments.length <= pattern.segments.length) return false;
  return pattern.segments.every((s, i) => channel.segments[i] === s);
}

/**
 * The emulator's Events API id in a region: fixed, so config.json and IAM resources can name it. Real ids are 26
 * lower-case letters and digits; this one reads `greenroomevents` + the region without dashes, trimmed to 26.
 */
export function eventsApiId(region: string): string {
  return `greenroomevents${region.replace(/-/g, '')}`.slice(0, 26);
}

export function eventsApiArn(region: string, accountId: string): string {
  return `arn:aws:appsync:${region}:${accountId}:apis/${eventsApiId(region)}`;
}

export function namespaceArn(region: string, accountId: string, namespace: string): string {
  return `${eventsApiArn(region, accountId)}/channelNamespace/${namespace}`;
}

/** The channel an IVS event for a stage is published to: one channel per stage, named by the stage ARN's id. */
export function stageChannel(stageArn: string): string {
  return `/${IVS_NAMESPACE}/stage/${stageArn.slice(stageArn.lastIndexOf('/') + 1)}`;
}
