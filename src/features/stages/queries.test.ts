import { describe, expect, it } from 'vitest';
import type { AwsLayer } from '../../aws/awsLayer';
import { stageQueries } from './queries';
import { matchesTagFilter, validateStageForm } from './validation';

const aws = {} as AwsLayer;
const arn = 'arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh';

describe('stage query keys', () => {
  it('start with the region and nest generic to specific', () => {
    expect(stageQueries.list(aws, 'us-east-1').queryKey).toEqual(['ivs', 'us-east-1', 'stages', 'list']);
    const detail = stageQueries.detail(aws, 'us-east-1', arn).queryKey;
    expect(detail.slice(0, 4)).toEqual(stageQueries.details('us-east-1'));
    expect(stageQueries.sessions(aws, 'us-west-2', arn).queryKey[1]).toBe('us-west-2');
    expect(stageQueries.sessions(aws, 'us-east-1', arn).queryKey).not.toEqual(detail);
  });
});

describe('stage form and filters', () => {
  it('rejects names with spaces and duplicate tag keys', () => {
    expect(validateStageForm('my stage', []).name).toMatch(/no spaces/);
    expect(validateStageForm('ok', [{ key: 'a', value: '' }, { key: 'a', value: 'b' }]).tags).toMatch(/only once/);
    expect(validateStageForm('ok-name_1', [{ key: 'team', value: 'red' }])).toEqual({});
  });

  it('filters by tag key or key=value', () => {
    expect(matchesTagFilter({ team: 'red' }, 'team')).toBe(true);
    expect(matchesTagFilter({ team: 'red' }, 'team=red')).toBe(true);
    expect(matchesTagFilter({ team: 'red' }, 'team=blue')).toBe(false);
    expect(matchesTagFilter({}, '')).toBe(true);
  });
});
