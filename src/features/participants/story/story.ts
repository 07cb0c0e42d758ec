// One merged story per participant: the participant's events, its source's or replicas' events,
// and its earlier and later connections under the same user id, grouped per connection, in time order, with the
// gaps between connections made visible. Pure functions: loading lives in storyLoad.ts.
import type { Participant, ParticipantEvent, ParticipantKey, Region } from '../../../aws/types';
import { formatInZone, isoTime } from '../../../query/time';
import { explainErrorCode, explainEvent, nextStepFor } from '../eventCodes';
import { revealHidden as shown, safeJson } from '../../../components/untrusted';
import { inCausalOrder } from '../../../query/onAir';

/** `user`: a connection of the user (the participant itself, or another join with the same user id). */
export type ConnectionRole = 'user' | 'replica';

export type StoryConnection = {
  key: ParticipantKey;
  role: ConnectionRole;
  /** The participant the page is about (or, for a replica page, that replica). */
  focus: boolean;
  participant?: Participant;
  events: ParticipantEvent[];
};

export type StoryGroup = {
  /** 1-based, in story order. */
  number: number;
  label: string;
  connection: StoryConnection;
  /** Events oldest first; events of one timestamp in their natural order (JOINED … LEFT). */
  events: ParticipantEvent[];
  start?: string;
  /** When the connection ended; undefined while it is still connected (see `connected`) or when nobody can tell. */
  end?: string;
  /** IVS says the participant is connected now: the story has no end yet, and an export says so. */
  connected: boolean;
};

export type StoryGap = { from?: string; to?: string; seconds?: number; nextParticipantId: string };

export type StoryItem = { type: 'group'; group: StoryGroup } | { type: 'gap'; gap: StoryGap };

export type Story = { region: Region; focus: ParticipantKey; userId?: string; items: StoryItem[] };

export type EventKind = 'presence' | 'publish' | 'subscribe' | 'error' | 'replication' | 'token' | 'other';
export const EVENT_KINDS: { kind: EventKind; label: string }[] = [
  { kind: 'presence', label: 'Join and leave' },
  { kind: 'publish', label: 'Publishing' },
  { kind: 'subscribe', label: 'Subscribing' },
  { kind: 'error', label: 'Errors' },
  { kind: 'replication', label: 'Replication' },
  { kind: 'token', label: 'Token exchange' },
  { kind: 'other', label: 'Other' },
];

export function kindOf(e: Pick<ParticipantEvent, 'name' | 'errorCode'>): EventKind {
  if (e.errorCode || e.name.endsWith('_ERROR')) return 'error';
  if (e.name === 'JOINED' || e.name === 'LEFT') return 'presence';
  if (e.name.startsWith('PUBLISH_')) return 'publish';
  if (e.name.startsWith('SUBSCRIBE_')) return 'subscribe';
  if (e.name.startsWith('REPLICATION_')) return 'replication';
  if (e.name === 'TOKEN_EXCHANGED') return 'token';
  return 'other';
}

const seconds = (from?: string, to?: string): number | undefined =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : undefined;

function startOf(c: StoryConnection, events: ParticipantEvent[]): string | undefined {
  return events[0]?.eventTime ?? c.participant?.firstJoinTime;
}

/**
 * Orders the connections: the user's connections by start time, each followed by the replicas it fed (same
 * participant id, destination session started from its session), with a reconnect gap between user connections.
 */
export function mergeStory(region: Region, focus: ParticipantKey, connections: StoryConnection[]): Story {
  // IVS gives event times to the second at best and lists them in no promised order: events of one timestamp are
  // put in the order they must have happened, the same order the on-air derivation reads.
  const sorted = connections.map((c) => ({ c, events: inCausalOrder(c.events) }));
  const users = sorted.filter((x) => x.c.role === 'user').sort((a, b) => (startOf(a.c, a.events) ?? '').localeCompare(startOf(b.c, b.events) ?? ''));
  const replicas = sorted.filter((x) => x.c.role === 'replica');
  const placed = new Set<StoryConnection>();
  const items: StoryItem[] = [];
  let n = 0;
  const push = (x: { c: StoryConnection; events: ParticipantEvent[] }, label: string): void => {
    placed.add(x.c);
    n += 1;
    // A connected participant's last event is not its end: it is still there.
    const connected = x.c.participant?.state === 'CONNECTED';
    const end = connected ? undefined : x.events.at(-1)?.eventTime;
    items.push({ type: 'group', group: { number: n, label, connection: x.c, events: x.events, start: startOf(x.c, x.events), ...(end ? { end } : {}), connected } });
  };
  const replicasOf = (u: StoryConnection): typeof replicas =>
    replicas.filter((r) => !placed.has(r.c) && r.c.key.participantId === u.key.participantId && (r.c.participant?.sourceSessionId ?? u.key.sessionId) === u.key.sessionId);
  users.forEach((u, i) => {
    if (i > 0) {
      const prev = users[i - 1] as (typeof users)[number];
      const from = prev.events.at(-1)?.eventTime;
      const to = startOf(u.c, u.events);
      items.push({ type: 'gap', gap: { from, to, seconds: seconds(from, to), nextParticipantId: u.c.key.participantId } });
    }
    push(u, `Connection ${i + 1} of ${users.length}${u.c.participant?.replicationType === 'SOURCE' ? ', source' : ''}`);
    for (const r of replicasOf(u.c)) push(r, `Replica in stage ${r.c.key.stageArn.split('/').pop() ?? ''}`);
  });
  for (const r of replicas.filter((x) => !placed.has(x.c))) push(r, `Replica in stage ${r.c.key.stageArn.split('/').pop() ?? ''}`);
  const userId = connections.find((c) => c.focus)?.participant?.userId ?? connections.find((c) => c.participant?.userId)?.participant?.userId;
  return { region, focus, ...(userId ? { userId } : {}), items };
}

/** The story with only events of the chosen kinds (connections and gaps stay, so the shape is still visible). */
export function filterStory(story: Story, kinds: ReadonlySet<EventKind>): Story {
  return {
    ...story,
    items: story.items.map((it) => (it.type === 'group' ? { type: 'group', group: { ...it.group, events: it.group.events.filter((e) => kinds.has(kindOf(e))) } } : it)),
  };
}

/** An instant as files write it: ISO 8601 in UTC, "2026-03-04T20:14:05Z". */
export function utc(iso?: string): string {
  return iso ? isoTime(iso) : 'time unknown';
}

/** The same instant in a zone (the reader's by default), for the local time beside the UTC one in the text file. */
export function local(iso: string | undefined, timeZone?: string): string {
  return iso ? formatInZone(iso, timeZone) : 'time unknown';
}

/**
 * The one-line form of an event, shared by the page and the text export so they always agree. Only the time is
 * written per medium: ISO 8601 in files (the default), the reader's locale on the page (formatTime), as on the
 * participant page's timeline.
 */
export function eventLine(e: ParticipantEvent, time: (iso?: string) => string = utc): string {
  return `${time(e.eventTime)} ${eventText(e)}`;
}

/** An event's line without its time: its name and details. */
export function eventText(e: ParticipantEvent): string {
  const extra = [
    e.errorCode ? `error ${e.errorCode}` : '',
    e.remoteParticipantId ? `publisher ${e.remoteParticipantId}` : '',
    e.destinationStageArn ? `destination ${e.destinationStageArn}${e.destinationSessionId ? ` session ${e.destinationSessionId}` : ''}` : '',
    e.replica ? 'about a replica' : '',
  ].filter(Boolean);
  // Ids come from IVS, but the line also lands in a text file: nothing in it may break or reorder the line.
  return shown(`${e.name}${extra.length ? ` (${extra.join(', ')})` : ''}`);
}

export function gapLine(g: StoryGap): string {
  const len = g.seconds === undefined ? 'an unknown time' : `${g.seconds} s`;
  return `Reconnected after ${len} as participant ${shown(g.nextParticipantId)}`;
}

/** The client fields a participant's SDK reports (the client chooses them), revealed so they stay on one line. */
export function clientInfo(p?: Participant): string {
  if (!p) return 'client info not loaded';
  const parts = [
    p.osName ? `OS ${p.osName}${p.osVersion ? ` ${p.osVersion}` : ''}` : '',
    p.browserName ? `browser ${p.browserName}${p.browserVersion ? ` ${p.browserVersion}` : ''}` : '',
    p.sdkVersion ? `SDK ${p.sdkVersion}` : '',
    p.ispName ? `ISP ${p.ispName}` : '',
    p.protocol ? `protocol ${p.protocol}` : '',
  ].filter(Boolean);
  return parts.length ? shown(parts.join(', ')) : 'no client info reported';
}

/** When a connection ran; one still connected is said to be so at the time of the export, not given an end. */
export function spanLine(g: Pick<StoryGroup, 'start' | 'end' | 'connected'>, generatedAt: string, time: (iso?: string) => string = utc): string {
  return g.connected ? `From ${time(g.start)}, still connected at ${time(generatedAt)}` : `From ${time(g.start)} to ${time(g.end)}`;
}

/**
 * A readable summary for a support ticket: ids, UTC and local times, client info, errors with next steps. Every
 * value from outside (user ids, client info, ids) goes through revealHidden, so a newline in a user id cannot forge
 * a line and a bidi control cannot reorder one: each line of the file is one the app wrote.
 */
export function storyToText(story: Story, opts: { generatedAt: string; timeZone?: string; kinds?: ReadonlySet<EventKind> }): string {
  const out: string[] = [
    'Greenroom participant story',
    `Region: ${story.region}`,
    `Stage: ${shown(story.focus.stageArn)}`,
    `Session: ${shown(story.focus.sessionId)}`,
    `Participant: ${shown(story.focus.participantId)}`,
    `User id: ${story.userId !== undefined ? shown(story.userId) : '(none)'}`,
    `Generated: ${utc(opts.generatedAt)} (local ${local(opts.generatedAt, opts.timeZone)})`,
    ...(opts.kinds ? [`Event kinds shown: ${EVENT_KINDS.filter((k) => opts.kinds?.has(k.kind)).map((k) => k.label).join(', ')}`] : []),
    '',
  ];
  for (const it of story.items) {
    if (it.type === 'gap') {
      out.push(`--- ${gapLine(it.gap)} ---`, '');
      continue;
    }
    const g = it.group;
    const c = g.connection;
    out.push(
      `== ${g.number}. ${shown(g.label)}${c.focus ? ' (this participant)' : ''} ==`,
      `Participant ${shown(c.key.participantId)}, stage ${shown(c.key.stageArn)}, session ${shown(c.key.sessionId)}`,
      `User id: ${c.participant?.userId !== undefined ? shown(c.participant.userId) : '(none)'}; client: ${clientInfo(c.participant)}`,
      spanLine(g, opts.generatedAt),
    );
    if (!g.events.length) out.push('  (no events of the chosen kinds)');
    for (const e of g.events) {
      out.push(`  ${eventLine(e)}  [local ${local(e.eventTime, opts.timeZone)}]`);
      if (e.errorCode) out.push(`    What it means: ${explainErrorCode(e.errorCode)}`, `    Next step: ${nextStepFor(e.errorCode)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The same story as JSON, with each event's explanation, for tools and tickets; hidden characters \u-escaped. */
export function storyToJson(story: Story, opts: { generatedAt: string; kinds?: ReadonlySet<EventKind> }): string {
  return safeJson(
    {
      generatedAt: opts.generatedAt,
      region: story.region,
      focus: story.focus,
      userId: story.userId ?? null,
      kinds: opts.kinds ? EVENT_KINDS.filter((k) => opts.kinds?.has(k.kind)).map((k) => k.kind) : null,
      items: story.items.map((it) =>
        it.type === 'gap'
          ? { type: 'gap', ...it.gap, text: gapLine(it.gap) }
          : {
              type: 'connection',
              number: it.group.number,
              label: it.group.label,
              focus: it.group.connection.focus,
              role: it.group.connection.role,
              ...it.group.connection.key,
              participant: it.group.connection.participant ?? null,
              start: it.group.start ?? null,
              end: it.group.end ?? null,
              stillConnectedAt: it.group.connected ? opts.generatedAt : null,
              events: it.group.events.map((e) => ({
                ...e,
                line: eventLine(e),
                meaning: explainEvent(e.name),
                ...(e.errorCode ? { errorMeaning: explainErrorCode(e.errorCode), nextStep: nextStepFor(e.errorCode) } : {}),
              })),
            },
      ),
    },
    2,
  );
}

/** A file name that is safe on every OS: ids reduced to letters, digits and hyphens. */
export function storyFileName(key: ParticipantKey, generatedAt: string, ext: 'txt' | 'json'): string {
  const safe = (s: string): string => s.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'x';
  const stamp = generatedAt.replace(/[^0-9]/g, '').slice(0, 14);
  return `greenroom-story-${safe(key.participantId)}-${safe(key.stageArn.split('/').pop() ?? '')}-${stamp}.${ext}`;
}
