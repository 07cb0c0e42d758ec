import { describe, expect, it } from 'vitest';
import { budgetedInterval, budgetPerMinute, overBudget, sessionPlan, stageListPlan, steadyRate } from './budget';

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
});
