import { describe, expect, it } from 'vitest';
import { parseConfig } from './schema';

const good = {
  regions: [
    { id: 'us-east-1', identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001', ivsEndpoint: 'http://127.0.0.1:4599' },
    { id: 'us-west-2', identityPoolId: 'us-west-2:00000000-0000-4000-8000-000000000002' },
  ],
  pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
  auth: {
    region: 'us-east-1',
    userPoolId: 'us-east-1_Greenroom1',
    clientId: 'greenroomlocalappclient001',
    authority: 'http://127.0.0.1:4599/us-east-1_Greenroom1',
  },
};

describe('parseConfig', () => {
  it('accepts the emulator config and keeps optional endpoints only where given', () => {
    const r = parseConfig(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.regions[0]?.ivsEndpoint).toBe('http://127.0.0.1:4599');
    expect(r.value.regions[1]).not.toHaveProperty('ivsEndpoint');
  });

  it('reads a CloudWatch endpoint override like the other endpoints, and names a bad one', () => {
    const r = parseConfig({ ...good, regions: [{ ...good.regions[0], cloudwatchEndpoint: 'http://127.0.0.1:4599/' }] });
    expect(r.ok && r.value.regions[0]?.cloudwatchEndpoint).toBe('http://127.0.0.1:4599');
    const bad = parseConfig({ ...good, regions: [{ ...good.regions[0], cloudwatchEndpoint: 'monitoring.us-east-1' }] });
    expect(bad.ok ? [] : bad.issues).toEqual([{ path: 'regions[0].cloudwatchEndpoint', message: '"monitoring.us-east-1" is not an http(s) URL' }]);
    expect(parseConfig(good).ok && (parseConfig(good) as { value: { regions: object[] } }).value.regions[1]).not.toHaveProperty('cloudwatchEndpoint');
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
      'auth',
    ]);
  });

  it('accepts one identity pool serving several IVS regions, and still rejects a malformed pool id', () => {
    const shared = 'us-east-1:00000000-0000-4000-8000-000000000001';
    const r = parseConfig({ ...good, regions: [{ id: 'us-east-1', identityPoolId: shared }, { id: 'us-west-2', identityPoolId: shared }] });
    expect(r.ok).toBe(true);
    const bad = parseConfig({ ...good, regions: [{ id: 'us-east-1', identityPoolId: 'not-a-pool' }] });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['regions[0].identityPoolId']);
  });

  it('rejects an empty region list and a non-object file', () => {
    expect(parseConfig({ ...good, regions: [] })).toMatchObject({ ok: false, issues: [{ path: 'regions' }] });
    expect(parseConfig('nope')).toMatchObject({ ok: false, issues: [{ path: '(file)' }] });
  });

  it('reads the auth block, defaulting the authority to the AWS issuer', () => {
    const { authority: _a, ...noAuthority } = good.auth;
    const r = parseConfig({ ...good, auth: noAuthority });
    expect(r.ok && r.value.auth).toEqual({
      region: 'us-east-1',
      userPoolId: 'us-east-1_Greenroom1',
      clientId: 'greenroomlocalappclient001',
      authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Greenroom1',
    });
  });

  it('names every bad field of the auth block and refuses a client secret', () => {
    const r = parseConfig({
      ...good,
      auth: { region: 'us-east-1', userPoolId: 'us-west-2_abc', clientId: 'has spaces', clientSecret: 's3cret', authority: 'javascript:alert(1)' },
    });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['auth.userPoolId', 'auth.clientId', 'auth.clientSecret', 'auth.authority']);
  });
});
