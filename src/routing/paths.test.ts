import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './paths';

const regions = ['us-east-1', 'us-west-2'];
const arn = 'arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh';

describe('paths', () => {
  it('round-trips a participant deep link through getHref and matchRoute', () => {
    const href = paths.participant.getHref('us-east-1', arn, 'st-a1b2c3d4e5f6g', 'AbCdEf123456');
    const url = new URL(href, 'http://x');
    expect(matchRoute(url, regions)).toMatchObject({
      name: 'participant',
      params: { region: 'us-east-1', stageArn: arn, sessionId: 'st-a1b2c3d4e5f6g', participantId: 'AbCdEf123456' },
    });
  });

  it('keeps filters in search params', () => {
    const href = paths.stages.getHref('us-west-2', { q: 'show', tag: '' });
    expect(href).toBe('/regions/us-west-2/stages?q=show');
    const m = matchRoute(new URL(href, 'http://x'), regions);
    expect(m.name === 'stages' && m.search.get('q')).toBe('show');
  });

  it('says what is wrong with a bad link', () => {
    const m = matchRoute({ pathname: `/regions/eu-west-9/stages/${encodeURIComponent(arn)}/sessions/st-short`, search: '' }, regions);
    expect(m.name).toBe('bad-link');
    if (m.name !== 'bad-link') return;
    expect(m.problems).toHaveLength(3);
    expect(m.problems[0]).toMatch(/eu-west-9/);
    expect(m.problems[1]).toMatch(/belongs to region us-east-1/);
    expect(m.problems[2]).toMatch(/not a session id/);
  });

  it('reports unknown addresses as not found', () => {
    expect(matchRoute({ pathname: '/nope', search: '' }, regions).name).toBe('not-found');
  });
});
