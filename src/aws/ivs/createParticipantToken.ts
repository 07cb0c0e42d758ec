import { CreateParticipantTokenCommand } from '@aws-sdk/client-ivs-realtime';
import type { AwsLayer } from '../awsLayer';
import { toToken } from '../normalize';
import type { ParticipantToken, Region, TokenCapability } from '../types';

export type CreateTokenInput = {
  stageArn: string;
  capabilities: TokenCapability[];
  duration?: number;
  userId?: string;
  attributes: Record<string, string>;
};

export async function createParticipantToken(aws: AwsLayer, region: Region, input: CreateTokenInput): Promise<ParticipantToken> {
  const out = await aws.send(
    region,
    new CreateParticipantTokenCommand({
      stageArn: input.stageArn,
      capabilities: input.capabilities,
      duration: input.duration,
      userId: input.userId || undefined,
      attributes: Object.keys(input.attributes).length ? input.attributes : undefined,
    }),
  );
  return toToken(out.participantToken);
}
