import { describe, expect, it } from 'vitest';
import type { StageFact } from '../../query/push/facts';
import { boardReduce, emptyBoard } from './boardState';
import { matchesFilter } from './BoardPage';

const A = 'arn:aws:ivs:us-east-1:123456789012:stage/AAAAAAAAAAAA';
const B = 'arn:aws:ivs:us-east-1:123456789012:stage/BBBBBBBBBBBB';
let n = 0;
const fact = (kind: StageFact['kind'], sec: number, extra: Partial<StageFact> = {}): StageFact => ({
  id: `f${++n}`,
  region: 'us-east-1',
  stageArn: A,
  kind,
  name: kind,
  detailType: 'IVS Stage Update',
  timeMs: sec * 1000,
  sessionId: 'st-1',
  participantId: 'p1',
  userId: 'host',
  ...extra,
});

describe('board state', () => {
  it('keeps the newest publish mark and alerts when a host stops publishing', () => {
    let s = boardReduce(emptyBoard(), fact('published', 10), 'newer');
    expect(s.marks.get(A)?.get('p1')).toMatchObject({ onAir: true, userId: 'host' });
    s = boardReduce(s, fact('unpublished', 12), 'newer');
    expect(s.marks.get(A)?.get('p1')?.onAir).toBe(false);
    expect(s.alerts.map((a) => a.kind)).toEqual(['stopped-publishing']);
    // A late, older publish does not put the host back on air, and an older unpublish raises no alert.
    s = boardReduce(s, fact('published', 11), 'newer');
    expect(s.marks.get(A)?.get('p1')?.onAir).toBe(false);
    const before = s;
    s = boardReduce(s, fact('unpublished', 5), 'older');
    expect(s.alerts).toHaveLength(1);
    expect(s.marks).toBe(before.marks);
  });

  it('records publish errors on the stage and as alerts', () => {
    const s = boardReduce(emptyBoard(), fact('publish-error', 10, { errorCode: 'BITRATE_EXCEEDED' }), 'newer');
    expect(s.errors.get(A)?.[0]).toMatchObject({ errorCode: 'BITRATE_EXCEEDED' });
    expect(s.alerts[0]).toMatchObject({ kind: 'publish-error', errorCode: 'BITRATE_EXCEEDED' });
  });

  it('draws a replica from source to destination from either side, and alerts once when it stops', () => {
    let s = boardReduce(emptyBoard(), fact('replication-started', 10, { otherStageArn: B }), 'newer');
    s = boardReduce(s, fact('replication-started', 10, { stageArn: B, otherStageArn: A, otherIsSource: true }), 'newer');
    expect([...s.replicas.values()]).toEqual([{ from: A, to: B, participantId: 'p1', atMs: 10_000 }]);
    s = boardReduce(s, fact('replication-stopped', 20, { otherStageArn: B }), 'newer');
    s = boardReduce(s, fact('replication-stopped', 20, { stageArn: B, otherStageArn: A, otherIsSource: true }), 'newer');
    expect(s.replicas.size).toBe(0);
    expect(s.alerts.map((a) => a.kind)).toEqual(['replica-stopped']);
  });

  it('filters by name, tag key, key=value or tag value', () => {
    const stage = { arn: A, name: 'Morning Show', tags: { show: 'breakfast', team: 'news' } };
    expect(matchesFilter(stage, 'morning')).toBe(true);
    expect(matchesFilter(stage, 'show=break')).toBe(true);
    expect(matchesFilter(stage, 'team=sport')).toBe(false);
    expect(matchesFilter(stage, 'news')).toBe(true);
    expect(matchesFilter(stage, 'evening')).toBe(false);
    expect(matchesFilter(stage, '  ')).toBe(true);
  });
});
