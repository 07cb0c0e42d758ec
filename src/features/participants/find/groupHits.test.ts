import { describe, expect, it } from 'vitest';
import type { ParticipantSummary } from '../../../aws/types';
import type { FindHit } from './findUser';
import { groupHits } from './groupHits';

const A = 'arn:aws:ivs:us-east-1:123456789012:stage/aaaaaaaaaaaa';
const B = 'arn:aws:ivs:us-east-1:123456789012:stage/bbbbbbbbbbbb';
const C = 'arn:aws:ivs:us-east-1:123456789012:stage/cccccccccccc';
const SA = 'st-aaaaaaaaaaaaa';
const SB = 'st-bbbbbbbbbbbbb';
const SC = 'st-ccccccccccccc';

const hit = (stageArn: string, sessionId: string, p: Partial<ParticipantSummary> & { participantId: string }): FindHit => ({
  region: 'us-east-1',
  stageArn,
  stageName: stageArn.slice(-4),
  sessionId,
  live: true,
  match: 'userId',
  participant: { userId: 'maria-42', published: true, replicationType: 'NONE', state: 'CONNECTED', ...p },
});
const replica = (stageArn: string, sessionId: string, participantId: string, state: 'ACTIVE' | 'STOPPED'): FindHit =>
  hit(stageArn, sessionId, { participantId, replicationType: 'REPLICA', replicationState: state, sourceStageArn: A, sourceSessionId: SA, state: state === 'ACTIVE' ? 'CONNECTED' : 'DISCONNECTED' });

const shape = (hits: FindHit[]): string[][] =>
  groupHits(hits).map((g) => [`${g.hit ? g.hit.participant.participantId : `(${g.source.participantId})`}@${g.source.stageArn.slice(-4)}`, ...g.replicas.map((r) => `${r.participant.participantId}@${r.stageArn.slice(-4)}`)]);

describe('find-user results grouped by connection', () => {
  it('puts the replicas of a source under it, whichever arrives first', () => {
    const src = hit(A, SA, { participantId: 'p1', replicationType: 'SOURCE', replicationState: 'ACTIVE' });
    const inB = replica(B, SB, 'p1', 'ACTIVE');
    const inC = replica(C, SC, 'p1', 'STOPPED');
    expect(shape([src, inB, inC])).toEqual([['p1@aaaa', 'p1@bbbb', 'p1@cccc']]);
    // Stages are searched in list order, so a replica's stage may come before its source's.
    expect(shape([inC, src, inB])).toEqual([['p1@aaaa', 'p1@cccc', 'p1@bbbb']]);
  });

  it('keeps two connections of one user apart, and a replica with its own source', () => {
    const first = hit(A, SA, { participantId: 'p1', replicationType: 'SOURCE', replicationState: 'ACTIVE' });
    const second = hit(C, SC, { participantId: 'p2' });
    const again = hit(A, 'st-older0000000', { participantId: 'p1', state: 'DISCONNECTED' });
    expect(shape([first, second, replica(B, SB, 'p1', 'ACTIVE'), again])).toEqual([['p1@aaaa', 'p1@bbbb'], ['p2@cccc'], ['p1@aaaa']]);
  });

  it('a replica whose source was not among the matches stands for its source, which is named but not claimed as found', () => {
    const groups = groupHits([replica(B, SB, 'p1', 'STOPPED')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.hit).toBeUndefined();
    expect(groups[0]?.source).toEqual({ region: 'us-east-1', stageArn: A, sessionId: SA, participantId: 'p1' });
    expect(groups[0]?.replicas.map((r) => r.participant.replicationState)).toEqual(['STOPPED']);
  });

  it('a replica without its source fields cannot be placed and stands alone, still a replica', () => {
    const lone = hit(B, SB, { participantId: 'p9', replicationType: 'REPLICA', replicationState: 'ACTIVE' });
    const groups = groupHits([lone]);
    expect(groups.map((g) => [g.hit?.participant.replicationType, g.replicas.length])).toEqual([['REPLICA', 0]]);
  });

  it('keeps regions apart: the same ids in two regions are two connections', () => {
    const east = hit(A, SA, { participantId: 'p1' });
    const west = { ...east, region: 'us-west-2' as const };
    expect(groupHits([east, west])).toHaveLength(2);
  });
});
