import { describe, expect, it } from 'vitest';
import { connectSources, contentSecurityPolicy, securityHeaders } from './csp';
import { parseConfig } from './schema';

const emulator = {
  regions: [
    { id: 'us-east-1', identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001', ivsEndpoint: 'http://127.0.0.1:4599', cognitoEndpoint: 'http://127.0.0.1:4599', cloudwatchEndpoint: 'http://127.0.0.1:4599' },
  ],
  auth: { region: 'us-east-1', userPoolId: 'us-east-1_Greenroom1', clientId: 'c', authority: 'http://127.0.0.1:4599/us-east-1_Greenroom1' },
};

describe('content security policy', () => {
  it('lists each endpoint origin once for the emulator', () => {
    expect(connectSources(emulator)).toEqual(['http://127.0.0.1:4599']);
  });

  it('lists exact AWS hosts per region, never a wildcard', () => {
    const r = parseConfig({
      regions: [
        { id: 'us-east-1', identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001' },
        { id: 'eu-west-1', identityPoolId: 'eu-west-1:00000000-0000-4000-8000-000000000002' },
      ],
      pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
      auth: { region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'abc', loginDomain: 'https://greenroom.auth.us-east-1.amazoncognito.com' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(connectSources(r.value)).toEqual([
      'https://ivsrealtime.us-east-1.amazonaws.com',
      'https://cognito-identity.us-east-1.amazonaws.com',
      'https://monitoring.us-east-1.amazonaws.com',
      'https://ivsrealtime.eu-west-1.amazonaws.com',
      'https://cognito-identity.eu-west-1.amazonaws.com',
      'https://monitoring.eu-west-1.amazonaws.com',
      'https://cognito-idp.us-east-1.amazonaws.com',
      'https://greenroom.auth.us-east-1.amazoncognito.com',
    ]);
    expect(contentSecurityPolicy(r.value)).not.toContain('*');
  });

  it('lets the charts reach CloudWatch: the monitoring host per region, or the configured override', () => {
    const r = parseConfig({
      regions: [
        { id: 'ap-south-1', identityPoolId: 'ap-south-1:00000000-0000-4000-8000-000000000001' },
        { id: 'us-west-2', identityPoolId: 'us-west-2:00000000-0000-4000-8000-000000000002', cloudwatchEndpoint: 'https://metrics.example.test:8443/base/' },
      ],
      pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
      auth: { region: 'ap-south-1', userPoolId: 'ap-south-1_abc', clientId: 'abc' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const csp = contentSecurityPolicy(r.value);
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1].split(' ') ?? [];
    expect(connect).toContain('https://monitoring.ap-south-1.amazonaws.com');
    // The override replaces the AWS host of its region (origin only: no path in a CSP source here).
    expect(connect).toContain('https://metrics.example.test:8443');
    expect(connect).not.toContain('https://monitoring.us-west-2.amazonaws.com');
  });

  it('allows no inline script, no eval and no framing', () => {
    const csp = contentSecurityPolicy(emulator);
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(securityHeaders(emulator)).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });

  it('adds each region\'s events origins exactly (ws(s) as well as http(s)) only when configured', () => {
    const r = parseConfig({
      regions: [
        {
          id: 'us-east-1',
          identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
          eventsHttpEndpoint: 'https://abc123.appsync-api.us-east-1.amazonaws.com',
          eventsRealtimeEndpoint: 'wss://abc123.appsync-realtime-api.us-east-1.amazonaws.com',
        },
        { id: 'eu-west-1', identityPoolId: 'eu-west-1:00000000-0000-4000-8000-000000000002' },
      ],
      pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
      auth: { region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'abc' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const sources = connectSources(r.value);
    expect(sources).toContain('wss://abc123.appsync-realtime-api.us-east-1.amazonaws.com');
    expect(sources).toContain('https://abc123.appsync-api.us-east-1.amazonaws.com');
    expect(sources.filter((s) => s.includes('appsync'))).toHaveLength(2);
    expect(connectSources({ ...emulator, regions: [{ ...emulator.regions[0]!, eventsHttpEndpoint: 'http://127.0.0.1:4599', eventsRealtimeEndpoint: 'ws://127.0.0.1:4599' }] })).toEqual([
      'http://127.0.0.1:4599',
      'ws://127.0.0.1:4599',
    ]);
  });
});
