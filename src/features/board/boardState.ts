// What the live board learns from pushed events, per stage: who went on or off air and when, publish errors,
// replications, and the alerts worth a person's attention. Pure: the page feeds it facts and renders it.
import type { StageFact } from '../../query/push/facts';

export type PublishMark = { onAir: boolean; atMs: number; sessionId?: string; userId?: string; errorCode?: string };
export type Replica = { from: string; to: string; participantId: string; atMs: number };
export type AlertKind = 'stopped-publishing' | 'replica-stopped' | 'publish-error';
export type BoardAlert = { id: string; kind: AlertKind; region: string; stageArn: string; participantId?: string; userId?: string; atMs: number; errorCode?: string; otherStageArn?: string };

export type BoardState = {
  /** stageArn → participantId → the newest publish fact heard. */
  marks: Map<string, Map<string, PublishMark>>;
  /** stageArn → recent publish errors (newest first, a few). */
  errors: Map<string, BoardAlert[]>;
  /** Replications heard to be running, keyed `${from}|${participantId}|${to}`. */
  replicas: Map<string, Replica>;
  alerts: BoardAlert[];
};

export const MAX_ALERTS = 200;
const MAX_ERRORS_PER_STAGE = 3;

export const emptyBoard = (): BoardState => ({ marks: new Map(), errors: new Map(), replicas: new Map(), alerts: [] });

/** The board after one fact (a new state object when anything changed, the same one otherwise). */
export function boardReduce(s: BoardState, f: StageFact, verdict: 'newer' | 'same' | 'older'): BoardState {
  const alert = (kind: AlertKind): BoardAlert => ({
    id: f.id,
    kind,
    region: f.region,
    stageArn: f.stageArn,
    atMs: f.timeMs,
    ...(f.participantId ? { participantId: f.participantId } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.errorCode ? { errorCode: f.errorCode } : {}),
    ...(f.otherStageArn ? { otherStageArn: f.otherStageArn } : {}),
  });
  const withAlert = (next: BoardState, a: BoardAlert): BoardState => ({ ...next, alerts: [a, ...next.alerts].slice(0, MAX_ALERTS) });

  switch (f.kind) {
    case 'published':
    case 'unpublished':
    case 'publish-error': {
      if (!f.participantId) return s;
      const stage = s.marks.get(f.stageArn);
      const prev = stage?.get(f.participantId);
      // Newest wins; an event from the same second as the one we hold cannot be ordered, so the mark stays and
      // the stage's refetch (the merger asks for one) settles it.
      const apply = verdict !== 'older' && (!prev || f.timeMs > prev.atMs);
      let next = s;
      if (apply) {
        const marks = new Map(s.marks);
        const m = new Map(stage);
        m.set(f.participantId, {
          onAir: f.kind === 'published',
          atMs: f.timeMs,
          ...(f.sessionId ? { sessionId: f.sessionId } : {}),
          ...(f.userId ? { userId: f.userId } : prev?.userId ? { userId: prev.userId } : {}),
          ...(f.errorCode ? { errorCode: f.errorCode } : {}),
        });
        marks.set(f.stageArn, m);
        next = { ...s, marks };
      }
      if (f.kind === 'published') return next;
      if (f.kind === 'publish-error') {
        const errors = new Map(next.errors);
        errors.set(f.stageArn, [alert('publish-error'), ...(next.errors.get(f.stageArn) ?? [])].slice(0, MAX_ERRORS_PER_STAGE));
        return withAlert({ ...next, errors }, alert('publish-error'));
      }
      // An old unpublish (hours late, or overtaken) is history, not news.
      return verdict === 'older' || !apply ? next : withAlert(next, alert('stopped-publishing'));
    }
    case 'replication-started':
    case 'replication-stopped': {
      if (!f.participantId || !f.otherStageArn) return s;
      // The source stage's event names the destination; a replica's own event names its source.
      const fromSource = f.otherIsSource !== true;
      const from = fromSource ? f.stageArn : f.otherStageArn;
      const to = fromSource ? f.otherStageArn : f.stageArn;
      const key = `${from}|${f.participantId}|${to}`;
      const replicas = new Map(s.replicas);
      const had = replicas.get(key);
      if (f.kind === 'replication-started') {
        if (had && had.atMs >= f.timeMs) return s;
        replicas.set(key, { from, to, participantId: f.participantId, atMs: f.timeMs });
        return { ...s, replicas };
      }
      if (had && had.atMs > f.timeMs) return s;
      const already = s.alerts.some((a) => a.kind === 'replica-stopped' && a.participantId === f.participantId && a.atMs === f.timeMs);
      replicas.delete(key);
      const next = { ...s, replicas };
      return already || verdict === 'older' ? next : withAlert(next, alert('replica-stopped'));
    }
    default:
      return s;
  }
}
