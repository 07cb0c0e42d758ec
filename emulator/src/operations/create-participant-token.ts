import type { MintedToken } from '../state/backend.ts';
import type { Capability } from '../state/records.ts';
import { checkAttributes } from './attributes.ts';
import { iso } from './output.ts';
import { requireStage } from './stage-lookup.ts';
import type { OperationHandler } from './types.ts';

type Input = { stageArn: string; duration?: number; userId?: string; attributes?: Record<string, string>; capabilities?: Capability[] };

// AWS is silent on whether unset defaults are echoed; we always send duration, capabilities and expirationTime
// (the values the token carries), and userId/attributes only when the request set them.
export function participantTokenOutput(t: MintedToken, requested: { userId?: string; attributes?: Record<string, string> }): Record<string, unknown> {
  return {
    participantId: t.participantId,
    token: t.token,
    ...(requested.userId !== undefined ? { userId: t.userId } : {}),
    ...(requested.attributes !== undefined ? { attributes: { ...t.attributes } } : {}),
    duration: t.duration,
    capabilities: [...t.capabilities],
    expirationTime: iso(t.expirationTime),
  };
}

export const createParticipantToken: OperationHandler = async (raw, ctx) => {
  const input = raw as Input;
  checkAttributes(input.attributes, 'attributes');
  const stage = requireStage(ctx.backend, input.stageArn);
  const minted = await ctx.backend.mintToken(stage, input);
  // A token is not state (the participant exists once a client joins with it); nothing to persist.
  return { participantToken: participantTokenOutput(minted, input) };
};
