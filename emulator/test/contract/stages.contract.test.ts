// Contract: stages, tokens, tags, session listings and pagination, as the service answers them. Runs against the
// emulator in `npm test` and against a real account in `npm run test:aws` (see target.ts).
import {
  CreateParticipantTokenCommand,
  DeleteStageCommand,
  GetStageCommand,
  ListStageSessionsCommand,
  ListStagesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from './target.ts';

let t: Target;
beforeAll(async () => {
  t = await openTarget();
}, 60_000);
afterAll(() => t?.close(), 120_000);

describe(`stages (${process.env.GREENROOM_CONTRACT_TARGET ?? 'emulator'})`, () => {
  it('creates, reads, renames and deletes a stage; the ARN and endpoints have the service form', async () => {
    const stage = await t.createStage('crud', { tags: { team: 'contract' } });
    expect(stage.arn).toMatch(new RegExp(`^arn:aws:ivs:${t.region}:\\d{12}:stage/[a-zA-Z0-9]{12}$`));
    expect(stage.tags).toEqual({ team: 'contract' });
    expect(stage.activeSessionId).toBeUndefined();
    const got = (await t.ivs().send(new GetStageCommand({ arn: stage.arn }))).stage;
    expect(got?.name).toBe(stage.name);
    expect(got?.endpoints?.whip).toMatch(/^https:\/\//);
    expect(got?.endpoints?.events).toMatch(/^wss:\/\//);
    const renamed = t.name('renamed');
    const updated = (await t.ivs().send(new UpdateStageCommand({ arn: stage.arn, name: renamed }))).stage;
    expect(updated?.name).toBe(renamed);
    await t.ivs().send(new DeleteStageCommand({ arn: stage.arn }));
    const gone = await t.ivs().send(new GetStageCommand({ arn: stage.arn })).then(() => undefined, (e: Error) => e.name);
    expect(gone).toBe('ResourceNotFoundException');
  });

  it('mints a participant token with the documented defaults', async () => {
    const stage = await t.createStage('token');
    const { participantToken } = await t.ivs().send(new CreateParticipantTokenCommand({ stageArn: stage.arn, userId: 'contract-user', attributes: { role: 'guest' } }));
    expect(participantToken?.token?.split('.')).toHaveLength(3);
    expect(participantToken?.participantId).toMatch(/^[a-zA-Z0-9]{12}$/);
    expect(participantToken?.userId).toBe('contract-user');
    expect(participantToken?.attributes).toEqual({ role: 'guest' });
    expect(participantToken?.duration).toBe(720);
    expect([...(participantToken?.capabilities ?? [])].sort()).toEqual(['PUBLISH', 'SUBSCRIBE']);
    const expires = participantToken?.expirationTime?.getTime() ?? 0;
    expect(Math.abs(expires - (Date.now() + 720 * 60_000))).toBeLessThan(5 * 60_000);
  });

  it('tags, lists and untags a stage; untagging a key it lacks is no error', async () => {
    const stage = await t.createStage('tags');
    const resourceArn = stage.arn;
    await t.ivs().send(new TagResourceCommand({ resourceArn, tags: { a: '1', 'b c': 'x y', 'key_.:/=+-@': 'v_.:/=+-@' } }));
    expect((await t.ivs().send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ a: '1', 'b c': 'x y', 'key_.:/=+-@': 'v_.:/=+-@' });
    await t.ivs().send(new UntagResourceCommand({ resourceArn, tagKeys: ['a', 'never-set'] }));
    expect((await t.ivs().send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ 'b c': 'x y', 'key_.:/=+-@': 'v_.:/=+-@' });
    expect((await t.ivs().send(new GetStageCommand({ arn: resourceArn }))).stage?.tags).toEqual({ 'b c': 'x y', 'key_.:/=+-@': 'v_.:/=+-@' });
  });

  it('lists no sessions for a stage nobody joined', async () => {
    const stage = await t.createStage('sessions');
    const out = await t.ivs().send(new ListStageSessionsCommand({ stageArn: stage.arn }));
    expect(out.stageSessions).toEqual([]);
    expect(out.nextToken).toBeUndefined();
  });

  it('pages through stages one at a time, each of this run\'s stages once', async () => {
    const mine = [await t.createStage('page'), await t.createStage('page'), await t.createStage('page')].map((s) => s.arn);
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await t.ivs().send(new ListStagesCommand({ maxResults: 1, nextToken }));
      expect(page.stages?.length ?? 0).toBeLessThanOrEqual(1);
      seen.push(...(page.stages ?? []).map((s) => s.arn ?? ''));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken && pages < 500);
    for (const arn of mine) expect(seen.filter((a) => a === arn)).toHaveLength(1);
  });
});
