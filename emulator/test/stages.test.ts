// Stages, sessions and tags through the real SDK over HTTP.
import {
  CreateStageCommand,
  DeleteStageCommand,
  GetStageCommand,
  GetStageSessionCommand,
  ListStageSessionsCommand,
  ListStagesCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStageCommand,
  ValidationException,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from './support.ts';
import { joinStage } from './participants-support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 5_000 });
});
afterAll(() => t.stop());

const fail = <T>(p: Promise<T>) => p.then(() => { throw new Error('expected the call to fail'); }, (e: unknown) => e as Error & { exceptionMessage?: string });

describe('stages', () => {
  it('creates, reads, renames and deletes a stage with real ARNs and endpoints', async () => {
    const ivs = t.ivs();
    const { stage } = await ivs.send(new CreateStageCommand({ name: 'show-1', tags: { team: 'a' } }));
    expect(stage?.arn).toMatch(/^arn:aws:ivs:us-east-1:123456789012:stage\/[a-zA-Z0-9]{12}$/);
    expect(stage?.activeSessionId).toBeUndefined();
    const got = await ivs.send(new GetStageCommand({ arn: stage?.arn }));
    expect(got.stage?.tags).toEqual({ team: 'a' });
    expect(got.stage?.endpoints?.whip).toMatch(/^https:\/\//);
    expect(got.stage?.endpoints?.events).toMatch(/^wss:\/\//);
    const upd = await ivs.send(new UpdateStageCommand({ arn: stage?.arn, name: 'show-1-renamed' }));
    expect(upd.stage?.name).toBe('show-1-renamed');
    await ivs.send(new DeleteStageCommand({ arn: stage?.arn }));
    expect(await fail(ivs.send(new GetStageCommand({ arn: stage?.arn })))).toBeInstanceOf(ResourceNotFoundException);
  });

  it('validates every constraint kind: required, pattern, length, range, enum', async () => {
    const ivs = t.ivs();
    const missing = await fail(ivs.send(new GetStageCommand({} as never)));
    expect(missing).toBeInstanceOf(ValidationException);
    expect(missing.exceptionMessage).toMatch(/arn/);
    const pattern = await fail(ivs.send(new CreateStageCommand({ name: 'bad name!' })));
    expect(pattern).toBeInstanceOf(ValidationException);
    const length = await fail(ivs.send(new CreateStageCommand({ name: 'x'.repeat(129) })));
    expect(length.exceptionMessage).toMatch(/128/);
    const range = await fail(ivs.send(new ListStagesCommand({ maxResults: 101 })));
    expect(range.exceptionMessage).toMatch(/100/);
    const enumErr = await fail(ivs.send(new CreateStageCommand({ name: 'ok', participantTokenConfigurations: [{ capabilities: ['SHOUT' as never] }] })));
    expect(enumErr).toBeInstanceOf(ValidationException);
    expect(enumErr.exceptionMessage).toMatch(/PUBLISH/);
  });

  it('pages through stages with opaque tokens in a stable order, and refuses a foreign token', async () => {
    const ivs = t.ivs('us-west-2');
    for (let i = 0; i < 5; i++) await ivs.send(new CreateStageCommand({ name: `paged-${i}` }));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const out = await ivs.send(new ListStagesCommand({ maxResults: 2, nextToken: token }));
      names.push(...(out.stages ?? []).map((s) => s.name ?? ''));
      token = out.nextToken;
    } while (token);
    expect(names.filter((n) => n.startsWith('paged-'))).toEqual(['paged-0', 'paged-1', 'paged-2', 'paged-3', 'paged-4']);
    const first = await ivs.send(new ListStagesCommand({ maxResults: 1 }));
    const foreign = await fail(ivs.send(new ListStageSessionsCommand({ stageArn: first.stages?.[0].arn, nextToken: first.nextToken })));
    expect(foreign).toBeInstanceOf(ValidationException);
    const forged = await fail(ivs.send(new ListStagesCommand({ nextToken: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })));
    expect(forged).toBeInstanceOf(ValidationException);
  });
});

describe('sessions', () => {
  it('starts a session when the first participant joins and ends it after the stage stays empty', async () => {
    const ivs = t.ivs();
    const { stage } = await ivs.send(new CreateStageCommand({ name: 'session-life' }));
    const stageArn = stage?.arn ?? '';
    const p = await joinStage(t, stageArn, { userId: 'u1' });
    const live = await ivs.send(new GetStageCommand({ arn: stageArn }));
    expect(live.stage?.activeSessionId).toBe(p.sessionId);
    expect(p.sessionId).toMatch(/^st-[a-zA-Z0-9]{13}$/);
    await t.control.leave({ stageArn, participantId: p.participantId });
    await t.control.advanceClock(6_000);
    const ended = await ivs.send(new GetStageCommand({ arn: stageArn }));
    expect(ended.stage?.activeSessionId).toBeUndefined();
    const s = await ivs.send(new GetStageSessionCommand({ stageArn, sessionId: p.sessionId }));
    expect(s.stageSession?.endTime).toBeInstanceOf(Date);
    expect(s.stageSession?.startTime).toBeInstanceOf(Date);
    const p2 = await joinStage(t, stageArn, { userId: 'u2' });
    expect(p2.sessionId).not.toBe(p.sessionId);
    const list = await ivs.send(new ListStageSessionsCommand({ stageArn }));
    expect(list.stageSessions?.map((x) => x.sessionId)).toEqual([p2.sessionId, p.sessionId]); // newest first
  });
});

describe('tags', () => {
  it('tags, lists and untags a stage through the /tags/{arn} routes', async () => {
    const ivs = t.ivs();
    const { stage } = await ivs.send(new CreateStageCommand({ name: 'tagged' }));
    const resourceArn = stage?.arn ?? '';
    await ivs.send(new TagResourceCommand({ resourceArn, tags: { a: '1', 'b k': 'two words' } }));
    expect((await ivs.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ a: '1', 'b k': 'two words' });
    await ivs.send(new UntagResourceCommand({ resourceArn, tagKeys: ['a', 'b k'] }));
    expect((await ivs.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({});
    const unknown = await fail(ivs.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:ivs:us-east-1:123456789012:stage/zzzzzzzzzzzz' })));
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });
});
