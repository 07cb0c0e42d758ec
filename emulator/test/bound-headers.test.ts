// The seven response headers the model binds to Start/StopParticipantReplication's outputs and to every modelled
// error reach the JS SDK's outputs as members, and Access-Control-Expose-Headers names only headers that arrive.
import {
  CreateStageCommand,
  GetStageCommand,
  ResourceNotFoundException,
  StartParticipantReplicationCommand,
  StopParticipantReplicationCommand,
} from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinStage } from './participants-support.ts';
import { startEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 600_000 });
});
afterAll(() => t.stop());

const MEMBERS = ['accessControlAllowOrigin', 'accessControlExposeHeaders', 'cacheControl', 'contentSecurityPolicy', 'strictTransportSecurity', 'xContentTypeOptions', 'xFrameOptions'] as const;

function expectAllSeven(out: Partial<Record<(typeof MEMBERS)[number], string | undefined>>) {
  for (const m of MEMBERS) expect(out[m], m).toBeTruthy();
  expect(out.accessControlAllowOrigin).toBe('*');
  expect(out.xContentTypeOptions).toBe('nosniff');
  expect(out.xFrameOptions).toBe('DENY');
  expect(out.cacheControl).toBe('no-store');
  expect(out.strictTransportSecurity).toMatch(/^max-age=\d+/);
  expect(out.contentSecurityPolicy).toContain("default-src 'none'");
  // Every name exposed is a header of this response: the SDK saw it as a member (or it is a header we always send).
  const exposed = (out.accessControlExposeHeaders ?? '').split(', ');
  for (const h of ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'x-amzn-RequestId', 'Date']) expect(exposed).toContain(h);
}

describe('headers the model binds to replication outputs and errors', () => {
  it('Start and Stop outputs carry all seven members through the JS SDK', async () => {
    const ivs = t.ivs();
    const src = (await ivs.send(new CreateStageCommand({ name: 'hdr-src' }))).stage?.arn ?? '';
    const dst = (await ivs.send(new CreateStageCommand({ name: 'hdr-dst' }))).stage?.arn ?? '';
    const host = await joinStage(t, src, { userId: 'host', publish: true });
    const started = await ivs.send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId }));
    expectAllSeven(started);
    const stopped = await ivs.send(new StopParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId }));
    expectAllSeven(stopped);
  });

  it('a modelled error carries all seven members, and the error type is exposed because it is sent', async () => {
    const err = await t
      .ivs()
      .send(new StopParticipantReplicationCommand({ sourceStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/nothereAAAAA', destinationStageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/nothereBBBBB', participantId: 'p1' }))
      .then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    const e = err as ResourceNotFoundException;
    expectAllSeven(e);
    expect(e.accessControlExposeHeaders?.split(', ')).toContain('x-amzn-ErrorType');
  });

  it('Access-Control-Expose-Headers never names a header the response lacks', async () => {
    const ivs = t.ivs();
    const arn = (await ivs.send(new CreateStageCommand({ name: 'hdr-plain' }))).stage?.arn ?? '';
    // Raw responses: a success without an error type, a modelled error, and an unsigned request (gateway error).
    const seen: Array<{ exposed: string; names: Set<string> }> = [];
    ivs.middlewareStack.add(
      (next) => async (args) => {
        const r = await next(args);
        const res = r.response as { headers: Record<string, string> };
        seen.push({ exposed: res.headers['access-control-expose-headers'] ?? '', names: new Set(Object.keys(res.headers).map((k) => k.toLowerCase())) });
        return r;
      },
      { step: 'deserialize', name: 'captureHeaders' },
    );
    await ivs.send(new GetStageCommand({ arn }));
    await ivs.send(new GetStageCommand({ arn: arn.replace(/[^/]+$/, 'nothereCCCCC') })).catch(() => undefined);
    const unsigned = await fetch(`${t.url}/GetStage`, { method: 'POST', body: '{}' });
    seen.push({ exposed: unsigned.headers.get('access-control-expose-headers') ?? '', names: new Set([...unsigned.headers.keys()]) });
    expect(seen).toHaveLength(3);
    for (const { exposed, names } of seen) {
      const list = exposed.split(', ').filter(Boolean);
      expect(list.length).toBeGreaterThan(0);
      for (const h of list) expect(names.has(h.toLowerCase()), `${h} exposed but not sent`).toBe(true);
    }
    expect(seen[0].exposed).not.toContain('x-amzn-ErrorType');
    expect(seen[1].exposed).toContain('x-amzn-ErrorType');
  });
});
