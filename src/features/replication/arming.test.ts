import { describe, expect, it } from 'vitest';
import { acquireLease, armStep, finishLease, LEASE_MS, loadArmings, observe, removeArming, releaseLease, saveArming, secondsUntil, shouldStart, type Arming, type ArmState } from './arming';

class MemStorage implements Storage {
  private m = new Map<string, string>();
  get length(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
}

const SRC = 'arn:aws:ivs:us-east-1:123456789012:stage/srcSTAGE0001';
const DST = 'arn:aws:ivs:us-east-1:123456789012:stage/dstSTAGE0001';
const armed: ArmState = { phase: 'armed' };

describe('arming state machine', () => {
  it('armed → starting → started, and only an armed replication starts', () => {
    expect(shouldStart(armed, { kind: 'publishing' })).toBe(true);
    expect(shouldStart(armed, { kind: 'waiting' })).toBe(false);
    const starting = armStep(armed, { type: 'start-begun', at: 1 });
    expect(starting).toEqual({ phase: 'starting', at: 1 });
    expect(shouldStart(starting, { kind: 'publishing' })).toBe(false);
    // A second "begin" changes nothing: there is no path to a second start.
    expect(armStep(starting, { type: 'start-begun', at: 2 })).toBe(starting);
    const started = armStep(starting, { type: 'start-done', at: 3, how: 'started' });
    expect(started).toEqual({ phase: 'started', at: 3, how: 'started' });
    expect(shouldStart(started, { kind: 'publishing' })).toBe(false);
    expect(armStep(started, { type: 'start-begun', at: 4 })).toBe(started);
  });

  it('a failed start ends in failed; a participant who leaves ends the watch', () => {
    const starting = armStep(armed, { type: 'start-begun', at: 1 });
    expect(armStep(starting, { type: 'start-failed', at: 2, message: 'no' })).toEqual({ phase: 'failed', at: 2, message: 'no' });
    expect(armStep(armed, { type: 'start-failed', at: 2, message: 'no' })).toBe(armed);
    const gone = armStep(armed, { type: 'observed', seen: { kind: 'gone', why: 'left' }, at: 5 });
    expect(gone).toEqual({ phase: 'failed', at: 5, message: 'left' });
    expect(armStep(armed, { type: 'observed', seen: { kind: 'waiting' }, at: 5 })).toBe(armed);
  });

  it('reads GetParticipant: published starts, disconnected is gone', () => {
    expect(observe({ state: 'CONNECTED', published: true })).toEqual({ kind: 'publishing' });
    expect(observe({ state: 'CONNECTED', published: false })).toEqual({ kind: 'waiting' });
    expect(observe({ state: 'DISCONNECTED', published: false }).kind).toBe('gone');
    // Published earlier and stopped: `published` stays true, so only the on-air answer may start it.
    expect(observe({ state: 'CONNECTED', published: true, onAir: { kind: 'off-air', why: 'stopped' } })).toEqual({ kind: 'waiting' });
    expect(observe({ state: 'CONNECTED', published: true, onAir: { kind: 'unknown', why: 'missing-events' } })).toEqual({ kind: 'waiting' });
    expect(observe({ state: 'CONNECTED', published: true, onAir: { kind: 'on-air' } })).toEqual({ kind: 'publishing' });
    expect(observe(undefined)).toEqual({ kind: 'waiting' });
  });

  it('counts down to the next check', () => {
    expect(secondsUntil(10_000, 7_100)).toBe(3);
    expect(secondsUntil(10_000, 12_000)).toBe(0);
  });
});

describe('arming storage', () => {
  const a: Arming = {
    v: 1,
    region: 'us-east-1',
    input: { sourceStageArn: SRC, destinationStageArn: DST, participantId: 'p1', reconnectWindowSeconds: 0, attributes: {} },
    sessionId: 'st-1',
    armedAt: 1,
    state: armed,
  };

  it('keeps armings per user sub and region, and removes them', () => {
    const s = new MemStorage();
    saveArming('alice', a, s);
    expect(loadArmings('alice', 'us-east-1', s)).toEqual([a]);
    expect(loadArmings('bob', 'us-east-1', s)).toEqual([]);
    expect(loadArmings('alice', 'us-west-2', s)).toEqual([]);
    expect(loadArmings(undefined, 'us-east-1', s)).toEqual([]);
    // The same pair is one entry.
    saveArming('alice', { ...a, state: { phase: 'starting', at: 2 } }, s);
    expect(loadArmings('alice', 'us-east-1', s).map((x) => x.state.phase)).toEqual(['starting']);
    removeArming('alice', a, s);
    expect(loadArmings('alice', 'us-east-1', s)).toEqual([]);
  });

  it('ignores damaged entries', () => {
    const s = new MemStorage();
    s.setItem(`greenroom.draft:alice:arm:us-east-1|x`, '{not json');
    s.setItem(`greenroom.draft:alice:arm:us-east-1|y`, '{"v":2}');
    expect(loadArmings('alice', 'us-east-1', s)).toEqual([]);
  });
});

describe('start lease between tabs', () => {
  it('one tab at a time; a finished lease makes other tabs stand down; an expired one can be taken', () => {
    const s = new MemStorage();
    expect(acquireLease('k', 'tab1', 0, s)).toBe('acquired');
    expect(acquireLease('k', 'tab2', 1, s)).toBe('held-by-other');
    expect(acquireLease('k', 'tab1', 1, s)).toBe('acquired');
    expect(acquireLease('k', 'tab2', LEASE_MS + 10, s)).toBe('acquired');
    finishLease('k', 'tab2', LEASE_MS + 20, s);
    expect(acquireLease('k', 'tab1', LEASE_MS + 30, s)).toBe('done-by-other');
    releaseLease('k', 'tab1', s);
    expect(acquireLease('k', 'tab1', LEASE_MS + 40, s)).toBe('done-by-other');
    releaseLease('k', 'tab2', s);
    expect(acquireLease('k', 'tab1', LEASE_MS + 50, s)).toBe('acquired');
  });
});
