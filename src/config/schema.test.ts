import { describe, expect, it } from 'vitest';
import { parseConfig, pushConfigured } from './schema';

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

  describe('events endpoints', () => {
    const region = good.regions[0];
    const withEvents = (extra: Record<string, unknown>) => parseConfig({ ...good, regions: [{ ...region, ...extra }] });
    const issuesOf = (r: ReturnType<typeof parseConfig>) => (r.ok ? [] : r.issues);

    it('keeps both origins (trailing slash dropped) and says push is configured', () => {
      const r = withEvents({ eventsHttpEndpoint: 'https://abc.appsync-api.us-east-1.amazonaws.com/', eventsRealtimeEndpoint: 'wss://abc.appsync-realtime-api.us-east-1.amazonaws.com' });
      expect(r.ok && r.value.regions[0]).toMatchObject({
        eventsHttpEndpoint: 'https://abc.appsync-api.us-east-1.amazonaws.com',
        eventsRealtimeEndpoint: 'wss://abc.appsync-realtime-api.us-east-1.amazonaws.com',
      });
      expect(r.ok && pushConfigured(r.value)).toBe(true);
      const emu = withEvents({ eventsHttpEndpoint: 'http://127.0.0.1:4599', eventsRealtimeEndpoint: 'ws://127.0.0.1:4599' });
      expect(emu.ok && emu.value.regions[0]?.eventsRealtimeEndpoint).toBe('ws://127.0.0.1:4599');
    });

    it('leaves push off without them, exactly as before', () => {
      const r = parseConfig(good);
      expect(r.ok && r.value.regions[0]).not.toHaveProperty('eventsHttpEndpoint');
      expect(r.ok && r.value.regions[0]).not.toHaveProperty('eventsRealtimeEndpoint');
      expect(r.ok && pushConfigured(r.value)).toBe(false);
    });

    it('reads an optional reconciliation interval and names a bad one', () => {
      expect(parseConfig({ ...good, pushReconcileMs: 8000 })).toMatchObject({ ok: true, value: { pushReconcileMs: 8000 } });
      expect(parseConfig(good).ok && (parseConfig(good) as { value: object }).value).not.toHaveProperty('pushReconcileMs');
      expect(issuesOf(parseConfig({ ...good, pushReconcileMs: 5 }))).toEqual([
        { path: 'pushReconcileMs', message: 'must be a whole number of milliseconds from 1000 to 600000' },
      ]);
    });

    it('wants both or neither, and names the missing one', () => {
      expect(issuesOf(withEvents({ eventsHttpEndpoint: 'https://abc.appsync-api.us-east-1.amazonaws.com' }))).toEqual([
        { path: 'regions[0].eventsRealtimeEndpoint', message: 'is needed too: give both events endpoints, or neither to poll only' },
      ]);
      expect(issuesOf(withEvents({ eventsRealtimeEndpoint: 'wss://abc.appsync-realtime-api.us-east-1.amazonaws.com' })).map((i) => i.path)).toEqual([
        'regions[0].eventsHttpEndpoint',
      ]);
    });

    it('checks the scheme family of each, the absence of a path, and the type', () => {
      const swapped = issuesOf(withEvents({ eventsHttpEndpoint: 'wss://abc.example', eventsRealtimeEndpoint: 'https://abc.example' }));
      expect(swapped).toEqual([
        { path: 'regions[0].eventsHttpEndpoint', message: '"wss://abc.example" must be a https:// or http:// origin without a path (the console adds /event)' },
        { path: 'regions[0].eventsRealtimeEndpoint', message: '"https://abc.example" must be a wss:// or ws:// origin without a path (the console adds /event/realtime)' },
      ]);
      const pathed = issuesOf(withEvents({ eventsHttpEndpoint: 'https://abc.example/event', eventsRealtimeEndpoint: 'wss://abc.example/event/realtime' }));
      expect(pathed.map((i) => i.path)).toEqual(['regions[0].eventsHttpEndpoint', 'regions[0].eventsRealtimeEndpoint']);
      const junk = issuesOf(withEvents({ eventsHttpEndpoint: 42, eventsRealtimeEndpoint: 'not a url' }));
      expect(junk).toEqual([
        { path: 'regions[0].eventsHttpEndpoint', message: '42 must be a https:// or http:// origin without a path (the console adds /event)' },
        { path: 'regions[0].eventsRealtimeEndpoint', message: '"not a url" must be a wss:// or ws:// origin without a path (the console adds /event/realtime)' },
      ]);
    });
  });
});
