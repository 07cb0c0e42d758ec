// The operations this emulator implements, by AWS operation name. The pipeline answers every other operation of
// the model with a "not supported by this emulator" error.
import { createParticipantToken } from './create-participant-token.ts';
import { createStage } from './create-stage.ts';
import { deleteStage } from './delete-stage.ts';
import { disconnectParticipant } from './disconnect-participant.ts';
import { getParticipant } from './get-participant.ts';
import { getStageSession } from './get-stage-session.ts';
import { getStage } from './get-stage.ts';
import { listParticipantEvents } from './list-participant-events.ts';
import { listParticipantReplicas } from './list-participant-replicas.ts';
import { listParticipants } from './list-participants.ts';
import { listStageSessions } from './list-stage-sessions.ts';
import { listStages } from './list-stages.ts';
import { listTagsForResource } from './list-tags-for-resource.ts';
import { startParticipantReplication } from './start-participant-replication.ts';
import { stopParticipantReplication } from './stop-participant-replication.ts';
import { tagResource } from './tag-resource.ts';
import type { OperationHandler } from './types.ts';
import { untagResource } from './untag-resource.ts';
import { updateStage } from './update-stage.ts';

export const handlers: Record<string, OperationHandler> = {
  CreateStage: createStage,
  GetStage: getStage,
  UpdateStage: updateStage,
  DeleteStage: deleteStage,
  ListStages: listStages,
  GetStageSession: getStageSession,
  ListStageSessions: listStageSessions,
  CreateParticipantToken: createParticipantToken,
  DisconnectParticipant: disconnectParticipant,
  GetParticipant: getParticipant,
  ListParticipants: listParticipants,
  ListParticipantEvents: listParticipantEvents,
  StartParticipantReplication: startParticipantReplication,
  StopParticipantReplication: stopParticipantReplication,
  ListParticipantReplicas: listParticipantReplicas,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
