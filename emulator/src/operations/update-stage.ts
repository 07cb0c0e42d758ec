import { conflict } from '../errors.ts';
import { recordingConfig } from '../state/backend.ts';
import type { RecordingConfig } from '../state/records.ts';
import { stageOutput } from './output.ts';
import { requireStage } from './stage-lookup.ts';
import { checkStorageConfiguration } from './storage-configuration.ts';
import type { OperationHandler } from './types.ts';

type Input = { arn: string; name?: string; autoParticipantRecordingConfiguration?: Partial<RecordingConfig> };

export const updateStage: OperationHandler = (raw, ctx) => {
  const input = raw as Input;
  checkStorageConfiguration(input.autoParticipantRecordingConfiguration?.storageConfigurationArn, ctx);
  const stage = requireStage(ctx.backend, input.arn);
  if (input.autoParticipantRecordingConfiguration) {
    const next = recordingConfig(input.autoParticipantRecordingConfiguration);
    const session = ctx.backend.activeSession(stage);
    const recording = session?.participants.some((p) => p.recordingState === 'ACTIVE');
    // AWS is silent on changing the recording settings while participants are being recorded; we refuse with
    // ConflictException (a modelled error of UpdateStage), since a recording cannot change format midway.
    if (recording && JSON.stringify(next) !== JSON.stringify(stage.recording)) {
      throw conflict(`Stage ${stage.arn} is recording participants; change its recording settings once no one is recorded.`);
    }
    stage.recording = next;
  }
  if (input.name !== undefined) stage.name = input.name;
  ctx.backend.changed();
  return { stage: stageOutput(stage, ctx.backend.tags.get(stage.arn)) };
};
