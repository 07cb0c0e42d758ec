// Contract: every validation and not-found error the console can meet on the safe operations, with its status and
// type, and the header members the model binds to errors. Runs against the emulator in `npm test` and against a
// real account in `npm run test:aws` (see target.ts).
import {
  CreateParticipantTokenCommand,
  CreateStageCommand,
  DeleteStageCommand,
  DisconnectParticipantCommand,
  GetParticipantCommand,
  GetStageCommand,
  GetStageSessionCommand,
  ListParticipantsCommand,
  ListStagesCommand,
  ListTagsForResourceCommand,
  StartParticipantReplicationCommand,
  StopParticipantReplicationCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './target.ts';

let t: Target;
let stageArn: string;
let otherStageArn: string;
let foreignStageArn: string;
beforeAll(async () => {
  t = await openTarget();
  stageArn = (await t.createStage('errors')).arn;
  otherStageArn = (await t.createStage('errors-other')).arn;
  foreignStageArn = (await t.createStage('errors-foreign', {}, t.otherRegion)).arn;
}, 60_000);
afterAll(() => t?.close(), 120_000);

type Failure = { name: string; status?: number; exceptionMessage?: string; headers: Record<string, string | undefined> };
async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number }; exceptionMessage?: string } & Record<string, unknown>;
    const headers: Record<string, string | undefined> = {};
    for (const k of ['accessControlAllowOrigin', 'cacheControl', 'contentSecurityPolicy', 'strictTransportSecurity', 'xContentTypeOptions', 'xFrameOptions']) headers[k] = err[k] as string | undefined;
    return { name: err.name, status: err.$metadata?.httpStatusCode, exceptionMessage: err.exceptionMessage, headers };
  }
  throw new Error('expected the call to fail');
}
const expectValidation = async (p: Promise<unknown>) => expect(await failure(p)).toMatchObject({ name: 'ValidationException', status: 400 });
const expectNotFound = async (p: Promise<unknown>) => expect(await failure(p)).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });

describe(`validation errors (${process.env.GREENROOM_CONTRACT_TARGET ?? 'emulator'})`, () => {
  it('stage names, page sizes and token settings out of bounds', async () => {
    const ivs = t.ivs();
    await expectValidation(ivs.send(new CreateStageCommand({ name: 'has space' })));
    await expectValidation(ivs.send(new CreateStageCommand({ name: 'x'.repeat(129) })));
    await expectValidation(ivs.send(new ListStagesCommand({ maxResults: 101 })));
    await expectValidation(ivs.send(new ListStagesCommand({ maxResults: 0 })));
    await expectValidation(ivs.send(new CreateParticipantTokenCommand({ stageArn, duration: 0 })));
    await expectValidation(ivs.send(new CreateParticipantTokenCommand({ stageArn, duration: 20161 })));
    await expectValidation(ivs.send(new CreateParticipantTokenCommand({ stageArn, userId: 'u'.repeat(129) })));
    await expectValidation(ivs.send(new CreateParticipantTokenCommand({ stageArn, attributes: { k: 'v'.repeat(1100) } })));
    await expectValidation(ivs.send(new ListParticipantsCommand({ stageArn, sessionId: 'st-abcdefghijklm', filterByUserId: 'a', filterByPublished: true })));
  });

  it('tags follow the Tag Editor rules: aws: is reserved, only letters, numbers, spaces and _ . : / = + - @', async () => {
    const ivs = t.ivs();
    const resourceArn = stageArn;
    const refused: Record<string, string>[] = [{ 'aws:owner': 'x' }, { 'AWS:owner': 'x' }, { 'a<b': 'x' }, { ok: 'semi;colon' }, { ok: 'hash#' }, { '': 'x' }, { ['k'.repeat(129)]: 'x' }, { ok: 'v'.repeat(257) }];
    for (const tags of refused) {
      await expectValidation(ivs.send(new TagResourceCommand({ resourceArn, tags })));
    }
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await expectValidation(ivs.send(new TagResourceCommand({ resourceArn, tags: many })));
    await expectValidation(ivs.send(new UntagResourceCommand({ resourceArn, tagKeys: ['aws:owner'] })));
    await expectValidation(ivs.send(new CreateStageCommand({ name: t.name('badtag'), tags: { 'aws:x': 'y' } })));
    // Letters and numbers of any script, and spaces, are allowed.
    await ivs.send(new TagResourceCommand({ resourceArn, tags: { 'équipe': 'café 東京 ٣' } }));
    expect((await ivs.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toMatchObject({ 'équipe': 'café 東京 ٣' });
  });

  it('replication input: the 1 KB limit on its attributes field and the reconnect window', async () => {
    const ivs = t.ivs();
    const input = { sourceStageArn: stageArn, destinationStageArn: otherStageArn, participantId: 'nobodyHere12' };
    await expectValidation(ivs.send(new StartParticipantReplicationCommand({ ...input, attributes: { k: 'v'.repeat(1100) } })));
    await expectValidation(ivs.send(new StartParticipantReplicationCommand({ ...input, reconnectWindowSeconds: 301 })));
    await expectValidation(ivs.send(new StartParticipantReplicationCommand({ ...input, participantId: 'bad_id' })));
  });

  it('a storage configuration of another region or account is refused', async () => {
    const ivs = t.ivs();
    const foreign = `arn:aws:ivs:${t.otherRegion}:${t.accountId}:storage-configuration/abcdABCD1234`;
    const otherAccount = `arn:aws:ivs:${t.region}:000000000000:storage-configuration/abcdABCD1234`;
    for (const storageConfigurationArn of [foreign, otherAccount]) {
      await expectValidation(ivs.send(new CreateStageCommand({ name: t.name('storage'), autoParticipantRecordingConfiguration: { storageConfigurationArn } })));
      await expectValidation(ivs.send(new UpdateStageCommand({ arn: stageArn, autoParticipantRecordingConfiguration: { storageConfigurationArn } })));
    }
  });
});

describe(`not-found errors (${process.env.GREENROOM_CONTRACT_TARGET ?? 'emulator'})`, () => {
  it('unknown stages, sessions and participants', async () => {
    const ivs = t.ivs();
    const missing = t.missingStageArn();
    await expectNotFound(ivs.send(new GetStageCommand({ arn: missing })));
    await expectNotFound(ivs.send(new UpdateStageCommand({ arn: missing, name: t.name('x') })));
    await expectNotFound(ivs.send(new DeleteStageCommand({ arn: missing })));
    await expectNotFound(ivs.send(new CreateParticipantTokenCommand({ stageArn: missing })));
    await expectNotFound(ivs.send(new GetStageSessionCommand({ stageArn, sessionId: 'st-abcdefghijklm' })));
    await expectNotFound(ivs.send(new GetParticipantCommand({ stageArn, sessionId: 'st-abcdefghijklm', participantId: 'nobodyHere12' })));
    await expectNotFound(ivs.send(new DisconnectParticipantCommand({ stageArn, participantId: 'nobodyHere12' })));
    await expectNotFound(ivs.send(new ListTagsForResourceCommand({ resourceArn: missing })));
    await expectNotFound(ivs.send(new StopParticipantReplicationCommand({ sourceStageArn: stageArn, destinationStageArn: otherStageArn, participantId: 'nobodyHere12' })));
  });

  it('a stage of another region gets the same error whichever member carries it', async () => {
    const ivs = t.ivs();
    const arn = foreignStageArn;
    await expectNotFound(ivs.send(new GetStageCommand({ arn })));
    await expectNotFound(ivs.send(new CreateParticipantTokenCommand({ stageArn: arn })));
    await expectNotFound(ivs.send(new ListTagsForResourceCommand({ resourceArn: arn })));
    await expectNotFound(ivs.send(new TagResourceCommand({ resourceArn: arn, tags: { a: 'b' } })));
    await expectNotFound(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: arn, destinationStageArn: stageArn, participantId: 'nobodyHere12' })));
    await expectNotFound(ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: stageArn, destinationStageArn: arn, participantId: 'nobodyHere12' })));
    // ...and the stage is there in its own region.
    expect((await t.ivs(t.otherRegion).send(new GetStageCommand({ arn }))).stage?.arn).toBe(arn);
  });

  it('a modelled error carries the seven header members the model binds to it', async () => {
    const err = await failure(t.ivs().send(new GetStageCommand({ arn: t.missingStageArn() })));
    for (const [member, value] of Object.entries(err.headers)) expect(value, member).toBeTruthy();
    expect(err.headers.accessControlAllowOrigin).toBe('*');
  });
});
