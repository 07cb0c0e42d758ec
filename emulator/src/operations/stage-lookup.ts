// Finding the stage, session and participant a request names, with the modelled 404 when there is none.
import { notFound } from '../errors.ts';
import type { RegionBackend } from '../state/backend.ts';
import type { ParticipantRecord, SessionRecord, StageRecord } from '../state/records.ts';

// AWS is silent on a stage ARN of another region or account; we answer 404, because that stage cannot be in
// this region's state (each (account, region) is a separate backend, as each is a separate endpoint on AWS).
export function requireStage(backend: RegionBackend, arn: string): StageRecord {
  const stage = backend.stage(arn);
  if (!stage) throw notFound(`Stage ${arn} was not found in ${backend.region} for account ${backend.accountId}.`);
  return stage;
}

export function requireSession(backend: RegionBackend, stageArn: string, sessionId: string): SessionRecord {
  requireStage(backend, stageArn);
  const session = backend.session(stageArn, sessionId);
  if (!session) throw notFound(`Session ${sessionId} of stage ${stageArn} was not found.`);
  return session;
}

export function requireParticipant(session: SessionRecord, participantId: string): ParticipantRecord {
  const p = session.index.get(participantId);
  if (!p) throw notFound(`Participant ${participantId} was not found in session ${session.id}.`);
  return p;
}
