import { renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../aws/errors';
import { budgetedInterval, budgetPerMinute, overBudget, participantWalkRate, sessionPlan, stageListPlan, steadyRate, useBudgetedInterval } from './budget';
import { PollingContext, type PolledQuery } from './polling';

const intervals = { stages: 5000, stage: 3000, participants: 3000, participant: 3000 };

describe('polling budget', () => {
  it('knows the limits: half of 5 TPS is 150 a minute, half of 50 TPS for tokens is 1,500', () => {
    expect(budgetPerMinute('ListParticipants')).toBe(150);
    expect(budgetPerMinute('CreateParticipantToken')).toBe(1500);
    expect(budgetPerMinute('TagResource')).toBe(300);
  });

  it('shows that the old stage list (one ListParticipants per live stage every 5 s) breaks it at scale', () => {
    expect(overBudget([{ operation: 'ListParticipants', intervalMs: 5000, requests: 1000 }])).toHaveLength(1);
  });

  it('keeps the stage list within budget at 10, 1,000 and 5,000 stages with every visible row live', () => {
    for (const stages of [10, 1000, 5000]) expect(overBudget(stageListPlan(stages, 40, intervals))).toEqual([]);
  });

  it('keeps a live session view within budget with two pages of participants in view', () => {
    const plan = [...sessionPlan(intervals), { operation: 'ListParticipants', intervalMs: intervals.stage }]; // + replication rows
    expect(overBudget(plan)).toEqual([]);
    expect(steadyRate(plan).ListParticipants).toBeLessThanOrEqual(150);
  });

  it('lengthens an interval only when needed', () => {
    expect(budgetedInterval('ListParticipants', 5000, 10)).toBe(5000);
    expect(budgetedInterval('ListParticipants', 5000, 40)).toBe(16000);
    expect(budgetedInterval('ListStages', 5000, 1, 20)).toBe(8000);
    expect(budgetedInterval('ListStages', 5000, 0)).toBe(5000);
  });

  it('a budgeted interval also slows down while a query is throttled, and stops while paused', () => {
    const withPolling =
      (paused: boolean) =>
      ({ children }: { children: ReactNode }): ReactNode =>
        createElement(PollingContext, { value: { intervals, paused, setPaused: () => undefined } }, children);
    const live = renderHook(() => useBudgetedInterval('stages', 'ListParticipants', 40), { wrapper: withPolling(false) }).result.current;
    if (typeof live !== 'function') throw new Error('expected an interval function');
    const query: { state: PolledQuery['state'] } = { state: { dataUpdateCount: 1, errorUpdateCount: 0, error: null, status: 'success' } };
    expect(live(query)).toBe(16_000); // 40 live rows: the budget floor
    const throttled = new AppError('throttled', 'Rate exceeded', { retryable: true });
    query.state = { dataUpdateCount: 1, errorUpdateCount: 1, error: throttled, status: 'error' };
    expect(live(query)).toBe(32_000);
    query.state = { dataUpdateCount: 2, errorUpdateCount: 1, error: null, status: 'success' };
    expect(live(query)).toBe(16_000);
    expect(renderHook(() => useBudgetedInterval('stages', 'ListParticipants', 40), { wrapper: withPolling(true) }).result.current).toBe(false);
  });

  it('paces a "load all" walk with what the session view leaves of the ListParticipants budget', () => {
    // One page in view every 3 s and the replication rows every 3 s use 40 of 150 a minute: 110 left.
    expect(participantWalkRate(intervals, 1)).toBeCloseTo(110 / 60);
    const plan = [...sessionPlan(intervals, 1), { operation: 'ListParticipants', intervalMs: intervals.stage }];
    expect(steadyRate(plan).ListParticipants! + participantWalkRate(intervals, 1) * 60).toBeCloseTo(budgetPerMinute('ListParticipants'));
    // Paused: the whole allowance, 2.5 a second; a view already using it all still walks, slowly.
    expect(participantWalkRate(null, 1)).toBe(2.5);
    expect(participantWalkRate(intervals, 40)).toBeCloseTo(0.5);
  });
});

describe('CloudWatch budget', () => {
  it('refreshes live charts once a minute while they ask for little, slower when they ask for more', async () => {
    const { cloudWatchRefreshMs, cloudWatchBudgetShare, CLOUDWATCH_BUDGET } = await import('./cloudwatchBudget');
    // The stage view: one call for Publishers and Subscribers.
    expect(cloudWatchRefreshMs(1, 2)).toBe(60_000);
    // A participant: ListMetrics and one GetMetricData of 9 series.
    expect(cloudWatchRefreshMs(2, 9)).toBe(60_000);
    // 120 metrics at 60 a minute: every two minutes.
    expect(cloudWatchRefreshMs(1, 120)).toBe(120_000);
    expect(cloudWatchRefreshMs(12, 12)).toBe(120_000);
    for (const [calls, metrics] of [[1, 2], [2, 9], [3, 500]] as const) {
      const perMinute = 60_000 / cloudWatchRefreshMs(calls, metrics);
      expect(cloudWatchBudgetShare({ calls: calls * perMinute, metrics: metrics * perMinute })).toBeLessThanOrEqual(1);
    }
    expect(cloudWatchBudgetShare({ calls: CLOUDWATCH_BUDGET.callsPerMinute * 2, metrics: 0 })).toBe(2);
  });
});
