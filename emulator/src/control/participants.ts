// Control routes that act as a participant's client: join with a token, publish, subscribe, leave, report
// client info and errors. Each records the model's events for the same step (AWS is silent on their exact order).
import { parseArn } from '../state/arn.ts';
import type { RegionBackend } from '../state/backend.ts';
import { joinStage, leaveStage, publish, unpublish } from '../state/presence.ts';
import type { ParticipantRecord, SessionRecord, StageRecord } from '../state/records.ts';
import { MAX_PUBLISHERS_PER_STAGE } from '../state/store.ts';
import { TokenError } from '../state/tokens.ts';
import type { World } from '../state/world.ts';
import { type Body, checkShape, clientInfoOf, ControlError, optionalString, requireString } from './input.ts';

type Found = { backend: RegionBackend; stage: StageRecord; session: SessionRecord; participant: ParticipantRecord };

function backendOf(world: World, stageArn: string): RegionBackend {
  const arn = parseArn(stageArn);
  if (!arn || arn.type !== 'stage') throw new ControlError(400, `stageArn "${stageArn}" is not a stage ARN.`);
  const backend = world.backend(arn.accountId, arn.region);
  if (!backend) throw new ControlError(404, `Region ${arn.region} is not served by this emulator.`);
  return backend;
}

function stageOf(world: World, stageArn: string): { backend: RegionBackend; stage: StageRecord } {
  const backend = backendOf(world, stageArn);
  const stage = backend.stage(stageArn);
  if (!stage) throw new ControlError(404, `Stage ${stageArn} does not exist.`);
  return { backend, stage };
}

/** The participant of the stage's live session; `connected` requires it to be connected now. */
function find(world: World, body: Body, connected = true): Found {
  const { backend, stage } = stageOf(world, requireString(body, 'stageArn'));
  const participantId = requireString(body, 'participantId');
  const session = backend.activeSession(stage);
  const participant = session?.index.get(participantId);
  if (!session || !participant) throw new ControlError(404, `Participant ${participantId} is not in the live session of ${stage.arn}.`);
  if (participant.replicationType === 'REPLICA') {
    throw new ControlError(400, `Participant ${participantId} is a replica in ${stage.arn}; it follows its source and has no client.`);
  }
  if (connected && participant.state !== 'CONNECTED') {
    throw new ControlError(409, `Participant ${participantId} is not connected; join again with its token first.`);
  }
  return { backend, stage, session, participant };
}

function summary(f: Found): Record<string, unknown> {
  return {
    participantId: f.participant.participantId,
    stageArn: f.stage.arn,
    sessionId: f.session.id,
    state: f.participant.state,
    publishing: f.participant.publishing,
  };
}

export async function join(world: World, body: Body): Promise<Record<string, unknown>> {
  const token = requireString(body, 'token');
  const client = clientInfoOf(body.clientInfo, 'clientInfo');
  const wanted = optionalString(body, 'stageArn');
  let claims;
  try {
    claims = await world.signer.verify(token, world.clock.now());
  } catch (e) {
    // A token that fails its check leaves no participant and no event: the service never sees a client.
    if (e instanceof TokenError) throw new ControlError(401, e.message);
    throw e;
  }
  if (wanted !== undefined && wanted !== claims.stageArn) {
    throw new ControlError(403, `This token is for stage ${claims.stageArn}, not ${wanted}.`);
  }
  const { backend, stage } = stageOf(world, claims.stageArn);
  const { session, participant } = joinStage(backend, stage, claims, client, world.clock.now());
  backend.changed();
  return { participantId: participant.participantId, stageArn: stage.arn, sessionId: session.id };
}

export function startPublishing(world: World, body: Body): Record<string, unknown> {
  const f = find(world, body);
  const now = world.clock.now();
  if (f.participant.publishing) return summary(f);
  if (!f.participant.capabilities.includes('PUBLISH')) {
    f.backend.emit(f.participant, 'PUBLISH_ERROR', now, { errorCode: 'INSUFFICIENT_CAPABILITIES' });
    f.backend.changed();
    throw new ControlError(403, `Participant ${f.participant.participantId} has a token without the PUBLISH capability.`);
  }
  if (f.backend.publisherCount(f.session) >= MAX_PUBLISHERS_PER_STAGE) {
    f.backend.emit(f.participant, 'PUBLISH_ERROR', now, { errorCode: 'QUOTA_EXCEEDED' });
    f.backend.changed();
    throw new ControlError(409, `Stage ${f.stage.arn} already has ${MAX_PUBLISHERS_PER_STAGE} publishers.`);
  }
  publish(f.backend, f.session, f.participant, now);
  f.backend.changed();
  return summary(f);
}

export function stopPublishing(world: World, body: Body): Record<string, unknown> {
  const f = find(world, body);
  unpublish(f.backend, f.session, f.participant, world.clock.now());
  f.backend.changed();
  return summary(f);
}

export function subscribe(world: World, body: Body, on: boolean): Record<string, unknown> {
  const f = find(world, body);
  const remoteId = requireString(body, 'remoteParticipantId');
  const now = world.clock.now();
  if (remoteId === f.participant.participantId) throw new ControlError(400, 'remoteParticipantId must be another participant.');
  if (!on) {
    f.backend.unsubscribe(f.session, f.participant, remoteId, now);
    f.backend.changed();
    return summary(f);
  }
  const remote = f.session.index.get(remoteId);
  const replica = remote?.replicationType === 'REPLICA';
  if (!f.participant.capabilities.includes('SUBSCRIBE')) {
    f.backend.emit(f.participant, 'SUBSCRIBE_ERROR', now, { errorCode: 'INSUFFICIENT_CAPABILITIES', remoteParticipantId: remoteId, replica });
    f.backend.changed();
    throw new ControlError(403, `Participant ${f.participant.participantId} has a token without the SUBSCRIBE capability.`);
  }
  if (!remote || remote.state !== 'CONNECTED' || !remote.publishing) {
    f.backend.emit(f.participant, 'SUBSCRIBE_ERROR', now, { errorCode: 'PUBLISHER_NOT_FOUND', remoteParticipantId: remoteId, replica });
    f.backend.changed();
    throw new ControlError(404, `Participant ${remoteId} is not publishing in session ${f.session.id}.`);
  }
  f.backend.subscribe(f.session, f.participant, remote, now);
  f.backend.changed();
  return summary(f);
}

export function leave(world: World, body: Body): Record<string, unknown> {
  const f = find(world, body, false);
  leaveStage(f.backend, f.session, f.participant, world.clock.now());
  f.backend.changed();
  return summary(f);
}

export function setClientInfo(world: World, body: Body): Record<string, unknown> {
  const f = find(world, body, false);
  const { stageArn: _s, participantId: _p, ...fields } = body;
  Object.assign(f.participant.client, clientInfoOf(fields, 'body'));
  f.backend.changed();
  return summary(f);
}

const ERROR_EVENTS = ['JOIN_ERROR', 'PUBLISH_ERROR', 'SUBSCRIBE_ERROR'];

export function emitError(world: World, body: Body): Record<string, unknown> {
  const f = find(world, body, false);
  const name = requireString(body, 'name');
  if (!ERROR_EVENTS.includes(name)) throw new ControlError(400, `name must be one of ${ERROR_EVENTS.join(', ')}.`);
  const errorCode = requireString(body, 'errorCode');
  checkShape('EventErrorCode', errorCode, 'errorCode');
  const remoteId = optionalString(body, 'remoteParticipantId');
  const remote = remoteId ? f.session.index.get(remoteId) : undefined;
  f.backend.emit(f.participant, name, world.clock.now(), {
    errorCode,
    ...(remoteId ? { remoteParticipantId: remoteId, replica: remote?.replicationType === 'REPLICA' } : {}),
  });
  f.backend.changed();
  return summary(f);
}
