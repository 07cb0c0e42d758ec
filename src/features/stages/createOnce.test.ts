import { describe, expect, it, vi } from 'vitest';
import type { AwsLayer } from '../../aws/awsLayer';
import type { StageSummary } from '../../aws/types';
import { createStageOnce, madeByEarlierAttempt } from './createOnce';

const arn = (id: string): string => `arn:aws:ivs:us-east-1:123456789012:stage/${id}`;
const summary = (id: string, name: string, tags: Record<string, string> = {}): StageSummary => ({ arn: arn(id), name, tags });

/** An AWS layer answering ListStages with `stages` and CreateStage with a new stage; records what was sent. */
function fakeAws(stages: StageSummary[]): AwsLayer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    regions: ['us-east-1'],
    dispose: () => undefined,
    // Features may not import the SDK (lint), so commands are told apart by their class name.
    send: vi.fn((_region: string, command: { input: { name?: string; tags?: Record<string, string> } }) => {
      const name = command.constructor.name;
      if (name === 'ListStagesCommand') {
        sent.push('list');
        return Promise.resolve({ stages: stages.map((s) => ({ arn: s.arn, name: s.name, tags: s.tags })) });
      }
      if (name === 'CreateStageCommand') {
        sent.push('create');
        return Promise.resolve({ stage: { arn: arn('newSTAGE0001'), name: command.input.name, tags: command.input.tags ?? {} } });
      }
      throw new Error(`unexpected command ${name}`);
    }) as unknown as AwsLayer['send'],
  };
}

describe('a create after an unclear failure', () => {
  it('counts as made earlier only a stage of this name and these tags that was not there before', () => {
    const stages = [summary('old', 'desk'), summary('new1', 'desk'), summary('new2', 'desk', { team: 'red' }), summary('other', 'news')];
    expect(madeByEarlierAttempt(stages, { name: 'desk', tags: {} }, [arn('old')]).map((s) => s.arn)).toEqual([arn('new1')]);
    expect(madeByEarlierAttempt(stages, { name: 'desk', tags: { team: 'red' } }, []).map((s) => s.arn)).toEqual([arn('new2')]);
    expect(madeByEarlierAttempt(stages, { name: 'desk', tags: { team: 'blue' } }, [])).toEqual([]);
  });

  it('finds the stage the lost attempt made and sends no CreateStage', async () => {
    const aws = fakeAws([summary('old', 'desk'), summary('made', 'desk')]);
    const out = await createStageOnce(aws, 'us-east-1', { name: 'desk', tags: {}, lookFirst: { before: [arn('old')] } });
    expect(out.found.map((s) => s.arn)).toEqual([arn('made')]);
    expect(out.stage.arn).toBe(arn('made'));
    expect(aws.sent).toEqual(['list']);
  });

  it('creates when the look finds nothing of its own, and does not look on a first attempt', async () => {
    const retry = fakeAws([summary('old', 'desk')]);
    const out = await createStageOnce(retry, 'us-east-1', { name: 'desk', tags: {}, lookFirst: { before: [arn('old')] } });
    expect(out.found).toEqual([]);
    expect(retry.sent).toEqual(['list', 'create']);
    const first = fakeAws([]);
    await createStageOnce(first, 'us-east-1', { name: 'desk', tags: {} });
    expect(first.sent).toEqual(['create']);
  });

  it('cannot look for a stage without a name, so it creates again', async () => {
    const aws = fakeAws([summary('a', '')]);
    await createStageOnce(aws, 'us-east-1', { name: '', tags: {}, lookFirst: { before: [] } });
    expect(aws.sent).toEqual(['create']);
  });
});
