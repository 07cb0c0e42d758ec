import { QueryClient, queryOptions, skipToken } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createNoticeStore } from './notices';
import type { AwsLayer } from '../aws/awsLayer';
import { cachedParticipant, cachedStageName, stageNamesQuery } from './stageNames';

/** A cached view of some other feature: only its key and data matter here. */
const view = <T,>(queryKey: readonly unknown[], data: T) => ({ ...queryOptions<T>({ queryKey, queryFn: skipToken }), data });

const ARN = 'arn:aws:ivs:us-east-1:123456789012:stage/deskSTAGE001';

describe('the notice store', () => {
  it('keeps the last three notices in order, tells listeners, and drops one on dismiss', () => {
    const store = createNoticeStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    for (const t of ['a', 'b', 'c', 'd']) store.notify({ text: t });
    expect(store.list().map((n) => [n.text, n.tone])).toEqual([
      ['b', 'done'],
      ['c', 'done'],
      ['d', 'done'],
    ]);
    const [first] = store.list();
    store.dismiss(first?.id ?? -1);
    expect(store.list().map((n) => n.text)).toEqual(['c', 'd']);
    store.dismiss(12345);
    expect(calls).toBe(5);
    off();
    store.notify({ text: 'e', tone: 'unsure' });
    expect(calls).toBe(5);
  });
});

describe('names for notices from the cache', () => {
  it('finds a stage name in the stage list, else in any cached view of the region, else falls back to the id', () => {
    const qc = new QueryClient();
    expect(cachedStageName(qc, ARN)).toBeUndefined();
    const picker = view(['ivs', 'us-east-1', 'replicas', 'form', 'stages'], [{ arn: ARN, name: 'sports-desk', tags: {} }]);
    qc.setQueryData(picker.queryKey, picker.data);
    expect(cachedStageName(qc, ARN)).toBe('sports-desk');
    qc.setQueryData(stageNamesQuery({} as AwsLayer, 'us-east-1').queryKey, [{ arn: ARN, name: 'sports-desk-2', tags: {} }]);
    expect(cachedStageName(qc, ARN)).toBe('sports-desk-2');
    expect(cachedStageName(qc, 'not-an-arn')).toBeUndefined();
  });

  it('finds a participant by id in nested cached data (pages, picker entries) with its user id and display name', () => {
    const qc = new QueryClient();
    expect(cachedParticipant(qc, 'us-east-1', 'p1')).toEqual({});
    const table = view(['ivs', 'us-east-1', 'participants', 'x'], { pages: [{ items: [{ participantId: 'p0', userId: 'other' }, { participantId: 'p1', userId: 'host-maya.okafor' }] }] });
    qc.setQueryData(table.queryKey, table.data);
    expect(cachedParticipant(qc, 'us-east-1', 'p1')).toEqual({ userId: 'host-maya.okafor' });
    expect(cachedParticipant(qc, 'eu-west-1', 'p1')).toEqual({});
  });
});
