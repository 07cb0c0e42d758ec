// The polling budget: IVS rate-limits each operation per account and region (RATE_LIMITS_TPS). The console
// keeps its own steady polling under half of each limit, so the customer's application and other tabs keep
// the rest. Views compute their intervals through here.
import { use } from 'react';
import type { PollKind } from '../config/schema';
import { PollingContext, throttleAware, type PollInterval } from './polling';
import { PAGE_SIZE } from '../aws/limits';

/** Requests per second per account and region. */
export const RATE_LIMITS_TPS: Readonly<Record<string, number>> = {
  CreateParticipantToken: 50,
  TagResource: 10,
  UntagResource: 10,
  ListTagsForResource: 10,
  // Replication operations are not listed by AWS; plan for 5 like the rest.
};
export const DEFAULT_RATE_LIMIT_TPS = 5;
/** The share of each limit the console may use. */
export const BUDGET_SHARE = 0.5;

export const rateLimitOf = (operation: string): number => RATE_LIMITS_TPS[operation] ?? DEFAULT_RATE_LIMIT_TPS;
/** Spacing of a ListStages walk's pages: within the budget share even while a walk runs (400 ms at 5 TPS). */
export const STAGE_WALK_PAGE_GAP_MS = 1000 / (rateLimitOf('ListStages') * BUDGET_SHARE);
/** The console's allowance for one operation in one region, in requests per minute. */
export const budgetPerMinute = (operation: string): number => rateLimitOf(operation) * BUDGET_SHARE * 60;

/** One polled query of a view: `requests` calls of `operation` every `intervalMs`. */
export type PolledQuery = { operation: string; intervalMs: number; requests?: number };

/** Steady requests per minute by operation (in one region) of a view's polled queries. */
export function steadyRate(queries: readonly PolledQuery[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of queries) out[q.operation] = (out[q.operation] ?? 0) + ((q.requests ?? 1) * 60_000) / q.intervalMs;
  return out;
}

/** Operations whose steady rate exceeds the budget, with the rate and the allowance. */
export function overBudget(queries: readonly PolledQuery[]): { operation: string; perMinute: number; budget: number }[] {
  return Object.entries(steadyRate(queries))
    .map(([operation, perMinute]) => ({ operation, perMinute, budget: budgetPerMinute(operation) }))
    .filter((r) => r.perMinute > r.budget + 1e-9);
}

/**
 * The poll interval for `queries` polled queries of `operation` (each `requestsEach` calls) that keeps them, with
 * `reservedPerMinute` already used by the view, within the budget: the configured `baseMs`, or longer.
 */
export function budgetedInterval(operation: string, baseMs: number, queries: number, requestsEach = 1, reservedPerMinute = 0): number {
  const allowance = budgetPerMinute(operation) - reservedPerMinute;
  if (queries <= 0) return baseMs;
  if (allowance <= 0) return Math.max(baseMs, 60_000);
  const minMs = Math.ceil((queries * requestsEach * 60_000) / allowance);
  return Math.max(baseMs, minMs);
}

/**
 * The polling plan of each view, from its intervals and how many queries it polls. Unit tests check every plan
 * against the budget; the diagnostics panel shows the measured rates beside it.
 */
/** Most live-count queries a stage list polls: the rows in view plus overscan (DataTable). */
export const MAX_VISIBLE_ROWS = 40;

export function stageListPlan(stages: number, liveVisible: number, intervals: { stages: number }): PolledQuery[] {
  const pages = Math.max(1, Math.ceil(stages / PAGE_SIZE.ListStages));
  const listMs = budgetedInterval('ListStages', intervals.stages, 1, pages);
  const countsMs = budgetedInterval('ListParticipants', intervals.stages, Math.min(liveVisible, MAX_VISIBLE_ROWS));
  return [
    { operation: 'ListStages', intervalMs: listMs, requests: pages },
    ...(liveVisible > 0 ? [{ operation: 'ListParticipants', intervalMs: countsMs, requests: Math.min(liveVisible, MAX_VISIBLE_ROWS) }] : []),
  ];
}

/** Stage detail with a live session: GetStage, the sessions list, the visible participant pages (at most 2). */
export function sessionPlan(intervals: { stage: number; participants: number }, visiblePages = 2): PolledQuery[] {
  return [
    { operation: 'GetStage', intervalMs: intervals.stage },
    { operation: 'ListStageSessions', intervalMs: intervals.stage },
    { operation: 'ListParticipants', intervalMs: budgetedInterval('ListParticipants', intervals.participants, visiblePages), requests: visiblePages },
  ];
}

/**
 * The view's poll interval: the configured one lengthened so that `queries` polled queries of `operation`,
 * `requestsEach` calls each, stay within the budget; false while paused. Like usePollInterval it is a function of
 * the query, so each query also slows down (doubling, capped) while its refreshes are throttled and recovers after
 * the next success: the budget sets the floor, throttling stretches it.
 */
export function useBudgetedInterval(
  kind: PollKind,
  operation: string,
  queries: number,
  requestsEach = 1,
  /** What other polling on the same screen already uses of the operation, per minute (a function of the intervals). */
  reserved?: (intervals: Record<PollKind, number>) => number,
): PollInterval {
  const ctl = use(PollingContext);
  if (!ctl) throw new Error('useBudgetedInterval must be used inside the polling provider');
  if (ctl.paused) return false;
  return throttleAware(budgetedInterval(operation, ctl.intervals[kind], queries, requestsEach, reserved?.(ctl.intervals) ?? 0));
}

/** A one-off walk never runs slower than this share of the allowance, however much the view's polling uses. */
const WALK_FLOOR_SHARE = 0.2;

/**
 * Requests per second a one-off walk of the session's participant pages ("load all" before an export) may send
 * beside the session view's own steady ListParticipants polling (the pages in view and the replication rows),
 * so that the two together stay within the budget. Paused views poll nothing, so the walk gets the whole allowance.
 */
export function participantWalkRate(intervals: { stage: number; participants: number } | null, visiblePages: number): number {
  const allowance = budgetPerMinute('ListParticipants');
  const plan = intervals ? [...sessionPlan(intervals, visiblePages), { operation: 'ListParticipants', intervalMs: intervals.stage }] : [];
  const used = steadyRate(plan).ListParticipants ?? 0;
  return Math.max(allowance * WALK_FLOOR_SHARE, allowance - used) / 60;
}

export function useParticipantWalkRate(visiblePages: number): number {
  const ctl = use(PollingContext);
  if (!ctl) throw new Error('useParticipantWalkRate must be used inside the polling provider');
  return participantWalkRate(ctl.paused ? null : ctl.intervals, visiblePages);
}

