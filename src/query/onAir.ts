// "On air now" versus "has published". GetParticipant/ListParticipants report `published`, which means the
// participant sent media at some point of the session, not that it is sending now: a guest who stopped an hour
// ago still has it. Whether someone is on air right now can only be read from its latest publish event
// (ListParticipantEvents). These are pure functions; the lookups that feed them stay within the polling budget
// (query/budget.ts) and answer "unknown" rather than guess when the budget does not reach a participant.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AwsLayer } from '../aws/awsLayer';
import { listAllParticipantEvents } from '../aws/ivs/listParticipantEvents';
import { createRateLimiter, SEARCH_RATE_PER_SECOND } from '../aws/rateLimiter';
import type { ParticipantEvent, ParticipantKey, Region } from '../aws/types';
import { budgetPerMinute } from './budget';

export type OnAir =
  | { kind: 'on-air'; since?: string }
  | { kind: 'off-air'; since?: string; why: 'stopped' | 'error' | 'left' | 'rejoined' | 'disconnected'; errorCode?: string }
  | { kind: 'never' }
  | { kind: 'unknown'; why: 'budget' | 'loading' | 'missing-events' | 'error' };

/**
 * The natural order of events that carry the same timestamp: a participant joins, exchanges a token, starts
 * publishing and subscribing, replicates, then stops and leaves. The API gives times to the millisecond at best
 * and AWS is silent on the order of its list, so ties are settled by what must have come first.
 */
const CAUSAL_RANK: Readonly<Record<string, number>> = {
  JOINED: 0,
  JOIN_ERROR: 1,
  TOKEN_EXCHANGED: 2,
  PUBLISH_STARTED: 3,
  SUBSCRIBE_STARTED: 4,
  REPLICATION_STARTED: 5,
  SUBSCRIBE_ERROR: 6,
  PUBLISH_ERROR: 7,
  REPLICATION_STOPPED: 8,
  SUBSCRIBE_STOPPED: 9,
  PUBLISH_STOPPED: 10,
  LEFT: 11,
};
const UNRANKED = 6;

export const causalRank = (name: string): number => CAUSAL_RANK[name] ?? UNRANKED;

/** Time first (ISO 8601 strings of one format compare as text; parsed otherwise), then the causal rank. */
export function compareEvents(a: ParticipantEvent, b: ParticipantEvent): number {
  const ta = a.eventTime ? Date.parse(a.eventTime) : NaN;
  const tb = b.eventTime ? Date.parse(b.eventTime) : NaN;
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
  return causalRank(a.name) - causalRank(b.name);
}

/** Events in causal order (a copy): by time, then by the natural order of events with the same time. */
export const inCausalOrder = (events: readonly ParticipantEvent[]): ParticipantEvent[] => [...events].sort(compareEvents);

const PUBLISH_SIGNALS = new Set(['JOINED', 'PUBLISH_STARTED', 'PUBLISH_STOPPED', 'PUBLISH_ERROR', 'LEFT']);

/**
 * On air or not, from the participant's state, its `published` flag and (for a connected participant that has
 * published) its events. `events` undefined means they were not looked up (`missing` says why).
 */
export function deriveOnAir(
  p: { state?: string; published?: boolean },
  events: readonly ParticipantEvent[] | undefined,
  missing: 'budget' | 'loading' | 'error' = 'loading',
): OnAir {
  if (!p.published) return { kind: 'never' };
  if (p.state !== 'CONNECTED') {
    const last = events ? inCausalOrder(events.filter((e) => e.eventTime && PUBLISH_SIGNALS.has(e.name))).at(-1) : undefined;
    return { kind: 'off-air', why: 'disconnected', since: last?.name === 'LEFT' ? last.eventTime : undefined };
  }
  if (!events) return { kind: 'unknown', why: missing };
  // Events without a time cannot be placed; they are left out rather than guessed into the order.
  const ordered = inCausalOrder(events.filter((e) => e.eventTime && PUBLISH_SIGNALS.has(e.name)));
  // The latest publish event decides; JOINED and LEFT reset it (a reconnect starts off air).
  const last = ordered.at(-1);
  if (!last || !ordered.some((e) => e.name === 'PUBLISH_STARTED')) return { kind: 'unknown', why: 'missing-events' };
  switch (last.name) {
    case 'PUBLISH_STARTED':
      return { kind: 'on-air', since: last.eventTime };
    case 'PUBLISH_STOPPED':
      return { kind: 'off-air', why: 'stopped', since: last.eventTime };
    case 'PUBLISH_ERROR':
      return { kind: 'off-air', why: 'error', since: last.eventTime, errorCode: last.errorCode };
    case 'JOINED':
      return { kind: 'off-air', why: 'rejoined', since: last.eventTime };
    default:
      // LEFT while GetParticipant says CONNECTED: the rejoin's events are missing, so nobody can tell.
      return { kind: 'unknown', why: 'missing-events' };
  }
}

/** Words for an on-air state, as the tables, pages and pickers show it. */
export function onAirText(s: OnAir): string {
  switch (s.kind) {
    case 'on-air':
      return 'On air';
    case 'never':
      return 'Never published';
    case 'off-air':
      return 'Has published · off air';
    case 'unknown':
      return 'Has published · on air unknown';
  }
}

/** Why a participant is not on air, in a sentence (picker options, titles). */
export function offAirReason(s: OnAir): string {
  switch (s.kind) {
    case 'on-air':
      return '';
    case 'never':
      return 'has never published in this session';
    case 'off-air':
      return s.why === 'disconnected'
        ? 'has left the stage'
        : s.why === 'error'
          ? `publishing failed${s.errorCode ? ` (${s.errorCode})` : ''}`
          : s.why === 'rejoined'
            ? 'rejoined and has not published since'
            : 'stopped publishing';
    case 'unknown':
      return s.why === 'budget'
        ? 'not checked: too many participants to look up within the request budget'
        : s.why === 'missing-events'
          ? 'IVS returned no publish events to tell'
          : s.why === 'error'
            ? 'its events could not be read'
            : 'checking…';
  }
}

/** The query key and function of a participant's events, shared by the participant page and every on-air lookup. */
// Every event lookup of the console goes out through one pacer per region: a view that opens with a dozen
// publishers (or a stage list counting many live stages) would otherwise send them in the same instant, and
// ListParticipantEvents allows 5 requests a second per account and region however few there are in a minute.
const eventsPacer = createRateLimiter(SEARCH_RATE_PER_SECOND);

export const participantEventsQuery = (aws: AwsLayer, region: Region, key: ParticipantKey) =>
  queryOptions({
    queryKey: ['ivs', region, 'participants', 'stage', key.stageArn, 'session', key.sessionId, 'events', key] as const,
    queryFn: async ({ signal }) => {
      await eventsPacer.take(`${region}:ListParticipantEvents`, signal);
      return listAllParticipantEvents(aws, region, key, signal);
    },
  });

/** Most on-air lookups one view keeps polled at a time (IVS allows 12 publishers on a stage at once). */
export const ON_AIR_MAX_LOOKUPS = 24;

/**
 * A non-blocking allowance of ListParticipantEvents calls for lookups made inside another query (stage list
 * counts, the replication pickers): a bucket refilled at the console's share of the operation's rate limit.
 * When it is empty the lookup is not made and the answer is "unknown".
 */
export function createLookupBucket(perSecond: number, burst: number, now: () => number = Date.now): { take(): boolean } {
  let tokens = burst;
  let at = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - at) / 1000) * perSecond);
      at = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

const buckets = new Map<string, { take(): boolean }>();
function bucketFor(region: Region): { take(): boolean } {
  let b = buckets.get(region);
  // A burst of two seconds' share: the pacer spaces what the bucket lets through, so a larger burst would only
  // queue lookups behind each other and hold up the query that asked for them.
  if (!b) buckets.set(region, (b = createLookupBucket(budgetPerMinute('ListParticipantEvents') / 60, Math.ceil(2 * SEARCH_RATE_PER_SECOND))));
  return b;
}

/**
 * On air or not for participants found inside another query: events already cached and younger than `freshMs`
 * are used as they are; others are fetched while the bucket allows, and the rest are "unknown".
 */
export async function lookUpOnAir<P extends { participantId: string; state?: string; published?: boolean }>(
  client: QueryClient,
  aws: AwsLayer,
  region: Region,
  stageArn: string,
  sessionId: string,
  participants: readonly P[],
  freshMs: number,
): Promise<Map<string, OnAir>> {
  const out = new Map<string, OnAir>();
  await Promise.all(
    participants.map(async (p) => {
      if (!p.published || p.state !== 'CONNECTED') return out.set(p.participantId, deriveOnAir(p, undefined));
      const opts = participantEventsQuery(aws, region, { stageArn, sessionId, participantId: p.participantId });
      const cached = client.getQueryState(opts.queryKey);
      const fresh = cached?.data !== undefined && Date.now() - cached.dataUpdatedAt < freshMs;
      if (!fresh && !bucketFor(region).take()) return out.set(p.participantId, deriveOnAir(p, undefined, 'budget'));
      try {
        const events = fresh ? (cached?.data as ParticipantEvent[]) : await client.fetchQuery({ ...opts, staleTime: 0 });
        out.set(p.participantId, deriveOnAir(p, events));
      } catch {
        out.set(p.participantId, deriveOnAir(p, undefined, 'error'));
      }
      return out;
    }),
  );
  return out;
}
