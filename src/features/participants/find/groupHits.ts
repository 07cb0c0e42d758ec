// Find-user results grouped by connection. A replica carries the source's participant id and user id into
// another stage, so a search by user id finds the source and every replica of it: without grouping, one person
// on one stage reads as several connections. A replica names its source (sourceStageArn, sourceSessionId, same
// participant id), which is how it is put under it.
import type { FindHit } from './findUser';

export type SourceRef = { region: string; stageArn: string; sessionId: string; participantId: string };

export type HitGroup = {
  /** Region, stage, session and participant id of the connection. */
  key: string;
  /** Where the connection is. */
  source: SourceRef;
  /** The connection's own match; undefined when only replicas of it were found (its session was not searched). */
  hit?: FindHit;
  /** Its replicas in other stages, in the order they were found. */
  replicas: FindHit[];
};

const keyOf = (r: SourceRef): string => `${r.region}|${r.stageArn}|${r.sessionId}|${r.participantId}`;

/** The connection a hit belongs to: its own, or for a replica, its source's. */
export function sourceOf(h: FindHit): SourceRef {
  const p = h.participant;
  if (p.replicationType === 'REPLICA' && p.sourceStageArn && p.sourceSessionId) {
    return { region: h.region, stageArn: p.sourceStageArn, sessionId: p.sourceSessionId, participantId: p.participantId };
  }
  return { region: h.region, stageArn: h.stageArn, sessionId: h.sessionId, participantId: p.participantId };
}

export const isReplica = (h: FindHit): boolean => h.participant.replicationType === 'REPLICA';

/**
 * One group per connection, in the order the connections were first found (results stream in, and a group
 * must not jump around as its replicas arrive). A replica whose source fields are missing cannot be placed
 * and stands as a group of its own, still marked as a replica.
 */
export function groupHits(hits: readonly FindHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const h of hits) {
    const source = sourceOf(h);
    const key = keyOf(source);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, source, replicas: [] }));
    if (isReplica(h) && (h.stageArn !== source.stageArn || h.sessionId !== source.sessionId)) g.replicas.push(h);
    else g.hit = h;
  }
  return [...groups.values()];
}
