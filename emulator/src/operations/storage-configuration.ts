// The storage configuration a stage's recording settings name. This emulator keeps no storage configurations, so it
// checks only what the ARN itself says: its account and region.
import { validation } from '../errors.ts';
import { parseArn } from '../state/arn.ts';
import type { OperationContext } from './types.ts';

// AWS is silent on the error for a storage configuration of another region or account; we refuse with
// ValidationException, the one error both CreateStage and UpdateStage model for a bad input (CreateStage models no
// ResourceNotFoundException), because a stage records only through a storage configuration of its own region.
export function checkStorageConfiguration(arn: string | undefined, ctx: OperationContext): void {
  if (!arn) return; // "" turns recording off
  const parsed = parseArn(arn);
  if (!parsed || parsed.type !== 'storage-configuration' || parsed.region !== ctx.region || parsed.accountId !== ctx.accountId) {
    throw validation(`autoParticipantRecordingConfiguration.storageConfigurationArn must be a storage configuration of account ${ctx.accountId} in ${ctx.region}; got ${arn}.`);
  }
}
