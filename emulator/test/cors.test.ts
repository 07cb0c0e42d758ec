// CORS headers a browser needs to call the emulator from another origin, as the model's cors trait declares them.
import { describe, expect, it } from 'vitest';
import { corsHeaders, preflightHeaders } from '../src/http/cors.ts';

describe('CORS', () => {
  it('a preflight allows the SDK headers it asks for, for ten minutes, from any origin', () => {
    const requested = 'amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-content-sha256,x-amz-date,x-amz-security-token,x-amz-user-agent';
    const h = preflightHeaders({ origin: 'https://console.example', 'access-control-request-method': 'POST', 'access-control-request-headers': requested });
    expect(h).toMatchObject({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST, DELETE', 'Access-Control-Max-Age': '600' });
    expect(h['Access-Control-Allow-Headers'].split(', ')).toEqual(requested.split(','));
    expect(h['Access-Control-Allow-Private-Network']).toBeUndefined();
  });

  it('a preflight drops malformed header names and falls back to the SDK list when none is asked for', () => {
    expect(preflightHeaders({ 'access-control-request-headers': 'x-ok, bad name, ' })['Access-Control-Allow-Headers']).toBe('x-ok');
    expect(preflightHeaders({})['Access-Control-Allow-Headers']).toContain('amz-sdk-invocation-id');
    expect(preflightHeaders({ 'access-control-request-private-network': 'true' })['Access-Control-Allow-Private-Network']).toBe('true');
  });

  it('every response exposes request id, error type and Date; replication calls also their modelled headers', () => {
    const base = corsHeaders()['Access-Control-Expose-Headers'].split(', ');
    expect(base).toEqual(['x-amzn-RequestId', 'x-amzn-ErrorType', 'x-amzn-ErrorMessage', 'x-amzn-trace-id', 'x-amz-apigw-id', 'Date']);
    expect(corsHeaders('GetStage')['Access-Control-Expose-Headers']).toBe(base.join(', '));
    expect(corsHeaders('nonsense')['Access-Control-Allow-Origin']).toBe('*');
    const start = corsHeaders('StartParticipantReplication')['Access-Control-Expose-Headers'].split(', ');
    expect(start.slice(base.length)).toEqual([
      'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options',
    ]);
    expect(corsHeaders('StopParticipantReplication')['Access-Control-Expose-Headers']).toBe(start.join(', '));
  });
});
