// Test helper: a participant joins a stage the way a client would: token from the SDK, then the control API.
import { CreateParticipantTokenCommand, type ParticipantTokenCapability } from '@aws-sdk/client-ivs-realtime';
import type { TestEmulator } from './support.ts';

export async function joinStage(
  t: TestEmulator,
  stageArn: string,
  opts: { userId?: string; attributes?: Record<string, string>; capabilities?: ParticipantTokenCapability[]; publish?: boolean; region?: string } = {},
) {
  const region = opts.region ?? stageArn.split(':')[3];
  const { participantToken } = await t.ivs(region).send(
    new CreateParticipantTokenCommand({ stageArn, userId: opts.userId, attributes: opts.attributes, capabilities: opts.capabilities }),
  );
  const token = participantToken?.token ?? '';
  const joined = await t.control.join({
    token,
    clientInfo: { osName: 'macOS', osVersion: '15.1', browserName: 'Chrome', browserVersion: '131.0', sdkVersion: '1.21.0', ispName: 'Example ISP', protocol: 'WHIP' },
  });
  if (opts.publish) await t.control.publish({ stageArn, participantId: joined.participantId });
  return { ...joined, token };
}
