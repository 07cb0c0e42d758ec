import { describe, expect, it } from 'vitest';
import { parseConfig } from './schema';

const good = {
  regions: [
    { id: 'us-east-1', identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001', ivsEndpoint: 'http://127.0.0.1:4599' },
    { id: 'us-west-2', identityPoolId: 'us-west-2:00000000-0000-4000-8000-000000000002' },
  ],
  pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
};

describe('parseConfig', () => {
  it('accepts the emulator config and keeps optional endpoints only where given', () => {
    const r = parseConfig(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.regions[0]?.ivsEndpoint).toBe('http://127.0.0.1:4599');
    expect(r.value.regions[1]).not.toHaveProperty('ivsEndpoint');
  });

  it('names every bad field at once', () => {
    const r = parseConfig({
      regions: [{ id: 'nowhere', identityPoolId: 'x', cognitoEndpoint: 'ftp://x' }],
      pollIntervalsMs: { stages: 10, stage: 3000, participants: 'fast' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual([
      'regions[0].id',
      'regions[0].identityPoolId',
      'regions[0].cognitoEndpoint',
      'pollIntervalsMs.stages',
      'pollIntervalsMs.participants',
      'pollIntervalsMs.participant',
    ]);
  });

  it('rejects an identity pool from another region', () => {
    const r = parseConfig({ ...good, regions: [{ id: 'us-east-1', identityPoolId: 'us-west-2:00000000-0000-4000-8000-000000000002' }] });
    expect(r.ok ? [] : r.issues).toEqual([{ path: 'regions[0].identityPoolId', message: 'belongs to us-west-2, not to region us-east-1' }]);
  });

  it('rejects an empty region list and a non-object file', () => {
    expect(parseConfig({ ...good, regions: [] })).toMatchObject({ ok: false, issues: [{ path: 'regions' }] });
    expect(parseConfig('nope')).toMatchObject({ ok: false, issues: [{ path: '(file)' }] });
  });
});
