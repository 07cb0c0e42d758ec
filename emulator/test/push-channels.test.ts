// AppSync Events channel names as the emulator reads them, and the faults' seeded randomness, checked directly.
import { describe, expect, it } from 'vitest';
import { channelMatches, eventsApiId, parseChannel, stageChannel, type Channel } from '../src/appsync/channels.ts';
import { PushFaults } from '../src/appsync/faults.ts';

const ch = (raw: string, wildcard = true) => {
  const c = parseChannel(raw, { wildcard });
  if ('error' in c) throw new Error(c.error);
  return c as Channel;
};

describe('channels', () => {
  it('accepts 1–5 segments of up to 50 letters, digits and inner dashes, with or without the leading slash', () => {
    expect(ch('ivs').path).toBe('/ivs');
    expect(ch('/ivs/stage/AbCdEf123456/').path).toBe('/ivs/stage/AbCdEf123456');
    expect(ch(`/ivs/${'a'.repeat(50)}`).segments[1]).toHaveLength(50);
    expect(ch('/a/b/c/d/e').segments).toHaveLength(5);
    expect(ch('/a/b/c/d/*').wildcard).toBe(true);
    expect(ch('/ivs/st-1CVugbu2cf2n8').segments[1]).toBe('st-1CVugbu2cf2n8');
  });

  it.each([
    ['', /non-empty/],
    [`/ivs/${'a'.repeat(51)}`, /not 1–50 letters/],
    ['/a/b/c/d/e/f', /6 segments/],
    ['/ivs/-dash', /not 1–50/],
    ['/ivs/dash-', /not 1–50/],
    ['/ivs/under_score', /not 1–50/],
    ['/ivs//x', /not 1–50/],
    ['/*', /namespace/],
    ['/ivs/*/x', /'\*' may only be the last segment/],
    ['arn:aws:ivs:us-east-1:123456789012:stage/AbC', /not 1–50/],
  ])('refuses %j', (raw, why) => {
    const c = parseChannel(raw, { wildcard: true });
    expect('error' in c && c.error).toMatch(why);
  });

  it('refuses a wildcard where one publishes', () => {
    expect(parseChannel('/ivs/*', { wildcard: false })).toEqual({ error: 'A wildcard channel can be subscribed to, not published to.' });
  });

  it('a wildcard matches every channel below its path, at any depth, but not the path itself', () => {
    const target = ch('/ivs/stage/AbC', false);
    expect(channelMatches(ch('/ivs/*'), target)).toBe(true);
    expect(channelMatches(ch('/ivs/stage/*'), target)).toBe(true);
    expect(channelMatches(ch('/ivs/stage/AbC/*'), target)).toBe(false);
    expect(channelMatches(ch('/ivs/stage/AbC'), target)).toBe(true);
    expect(channelMatches(ch('/ivs/stage/abc'), target)).toBe(false); // channels are case-sensitive
    expect(channelMatches(ch('/other/*'), target)).toBe(false);
  });

  it('names a stage channel by the ARN id and the API by region', () => {
    expect(stageChannel('arn:aws:ivs:us-east-1:123456789012:stage/oWXSOfbOLMte')).toBe('/ivs/stage/oWXSOfbOLMte');
    expect(eventsApiId('us-east-1')).toBe('greenroomeventsuseast1');
    expect(eventsApiId('ap-southeast-2')).toBe('greenroomeventsapsoutheast');
    expect(eventsApiId('ap-southeast-2')).toMatch(/^[a-z0-9]{1,26}$/);
  });
});

describe('push faults', () => {
  const run = (f: PushFaults, n: number) => {
    const got: number[] = [];
    for (let i = 0; i < n; i++) f.route(() => got.push(i));
    return got;
  };

  it('the same seed drops and duplicates the same events', () => {
    const a = new PushFaults();
    const b = new PushFaults();
    a.set({ dropRate: 0.3, duplicateRate: 0.3, seed: 42 });
    b.set({ dropRate: 0.3, duplicateRate: 0.3, seed: 42 });
    const ra = run(a, 50);
    expect(run(b, 50)).toEqual(ra);
    expect(a.dropped).toBe(b.dropped);
    expect(a.dropped).toBeGreaterThan(0);
    expect(ra.length).not.toBe(50 - a.dropped); // some were duplicated
  });

  it('refuses settings it cannot apply, naming them', () => {
    const f = new PushFaults();
    expect(() => f.set({ delayMs: -1 })).toThrow('delayMs must be a whole number from 0 to 60000.');
    expect(() => f.set({ reorderWindow: 1.5 })).toThrow(/reorderWindow must be a whole number/);
    expect(() => f.set({ refuseConnections: 'yes' })).toThrow('refuseConnections must be true or false.');
    expect(() => f.set([])).toThrow(/must be a JSON object/);
    expect(f.state()).toMatchObject({ dropRate: 0, delayMs: 0, refuseConnections: false });
  });

  it('a new setting delivers what reordering held, in the order it was held', () => {
    const f = new PushFaults();
    f.set({ reorderWindow: 5 });
    const got = run(f, 3);
    expect(got).toEqual([]);
    expect(f.state().held).toBe(3);
    f.clear();
    expect(got).toEqual([0, 1, 2]);
  });
});
