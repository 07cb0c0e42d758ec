import { quotaExceeded } from '../errors.ts';
import type { Capability, RecordingConfig } from '../state/records.ts';
import { checkAttributes } from './attributes.ts';
import { participantTokenOutput } from './create-participant-token.ts';
import { checkStorageConfiguration } from './storage-configuration.ts';
import { checkTags } from './tag-rules.ts';
import { stageOutput } from './output.ts';
import type { OperationHandler } from './types.ts';

type TokenConfiguration = { duration?: number; userId?: string; attributes?: Record<string, string>; capabilities?: Capability[] };
type Input = {
  name?: string;
  participantTokenConfigurations?: TokenConfiguration[];
  tags?: Record<string, string>;
  autoParticipantRecordingConfiguration?: Partial<RecordingConfig>;
};

export const createStage: OperationHandler = async (raw, ctx) => {
  const input = raw as Input;
  checkTags(input.tags, 'tags');
  checkStorageConfiguration(input.autoParticipantRecordingConfiguration?.storageConfigurationArn, ctx);
  const configs = input.participantTokenConfigurations ?? [];
  configs.forEach((c, i) => checkAttributes(c.attributes, `participantTokenConfigurations[${i}].attributes`));
  const quota = ctx.backend.stageQuota;
  if (quota !== undefined && ctx.backend.stages.size >= quota) {
    throw quotaExceeded(`This account already has ${ctx.backend.stages.size} stages in ${ctx.region}, the most it may have.`);
  }
  const stage = ctx.backend.createStage({ name: input.name, recording: input.autoParticipantRecordingConfiguration, tags: input.tags });
  const participantTokens = [];
  for (const c of configs) participantTokens.push(participantTokenOutput(await ctx.backend.mintToken(stage, c), c));
  ctx.backend.changed();
  return {
    stage: stageOutput(stage, ctx.backend.tags.get(stage.arn)),
    ...(configs.length > 0 ? { participantTokens } : {}),
  };
};
