import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createControlClient } from '../src/control/client.ts';
import { handleControl } from '../src/control/routes.ts';
import { ACCOUNT, REGION, harness, type Harness } from './domain-harness.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A bare HTTP front for the control routes, so the typed client is exercised over real fetch. */
async function serve(h: Harness): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').replace(/^\/_greenroom/, '');
      void handleControl(req.method ?? 'GET', path, raw ? JSON.parse(raw) : undefined, h.env).then((out) => {
        res.writeHead(out.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out.body));
      });
    });
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

describe('control client', () => {
  it('drives a participant through join, publish, subscribe, errors and leave', async () => {
    const h = harness();
    const control = createControlClient(await serve(h));
    expect(await control.health()).toMatchObject({ ok: true, accountId: ACCOUNT, regions: [REGION, 'eu-west-1'] });
    const arn = await h.createStage();
    const host = await control.join({ token: (await h.token(arn)).token, clientInfo: { osName: 'Linux', protocol: 'WHIP' } });
    const fan = await control.join({ token: (await h.token(arn)).token });
    expect(host.stageArn).toBe(arn);
    expect(await control.publish({ stageArn: arn, participantId: host.participantId })).toMatchObject({ publishing: true, state: 'CONNECTED' });
    await control.subscribe({ stageArn: arn, participantId: fan.participantId, remoteParticipantId: host.participantId });
    await control.unsubscribe({ stageArn: arn, participantId: fan.participantId, remoteParticipantId: host.participantId });
    await control.setClientInfo({ stageArn: arn, participantId: fan.participantId, browserName: 'Firefox' });
    await control.emitError({ stageArn: arn, participantId: fan.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });
    await control.unpublish({ stageArn: arn, participantId: host.participantId });
    expect(await control.leave({ stageArn: arn, participantId: fan.participantId })).toMatchObject({ state: 'DISCONNECTED' });
    const names = (await h.events(arn, fan.sessionId, fan.participantId)).map((e) => e.name);
    expect(names).toEqual(['LEFT', 'PUBLISH_ERROR', 'SUBSCRIBE_STOPPED', 'SUBSCRIBE_STARTED', 'JOINED']);
    await expect(control.join({ token: 'nope' })).rejects.toThrow(/not a valid token/);
    await expect(control.publish({ stageArn: arn, participantId: 'ghost' })).rejects.toThrow(/ghost/);
  });

  it('advances the clock, sets and clears faults, and reads the request log', async () => {
    const h = harness();
    const control = createControlClient(`${await serve(h)}/_greenroom/`);
    const before = h.clock.now();
    const moved = await control.advanceClock(60_000);
    expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(60_000);
    await expect(control.advanceClock(-1)).rejects.toThrow(/ms/);

    expect(await control.setFaults({ seed: 3, rules: [{ operation: 'ListStages', throttleRate: 0.5 }] })).toEqual({ rules: [{ operation: 'ListStages', throttleRate: 0.5 }] });
    expect((await control.getFaults()).rules).toHaveLength(1);
    await expect(control.setFaults({ rules: [{ errorRate: 2 }] })).rejects.toThrow(/errorRate/);
    await control.clearFaults();
    expect((await control.getFaults()).rules).toEqual([]);

    h.env.log.add({ time: 'now', requestId: 'r1', method: 'POST', path: '/ListStages', operation: 'ListStages', service: 'ivs', status: 200, latencyMs: 1 });
    h.env.log.add({ time: 'now', requestId: 'r2', method: 'POST', path: '/GetStage', operation: 'GetStage', service: 'ivs', status: 404, errorType: 'ResourceNotFoundException', latencyMs: 1 });
    const all = await control.requestLog();
    expect(all.lastSeq).toBe(2);
    expect((await control.requestLog(1)).entries.map((e) => e.requestId)).toEqual(['r2']);
    await control.clearLog();
    expect((await control.requestLog()).entries).toEqual([]);
  });
});

describe('control routes', () => {
  it('answer 404 for an unknown route, 405 for a wrong method and 400 naming the bad field', async () => {
    const h = harness();
    expect((await h.control('GET', '/nope')).status).toBe(404);
    expect((await h.control('GET', '/participants/join')).status).toBe(405);
    expect(await h.control('POST', '/participants/publish', { stageArn: 'x' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/stageArn/) } });
    expect(await h.control('POST', '/participants/publish', { stageArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:stage/abc`, participantId: 'p' })).toMatchObject({ status: 404 });
    expect((await h.control('POST', '/participants/join', [1, 2])).status).toBe(400);
    expect((await h.control('GET', '/log?since=abc')).body.message).toMatch(/since/);
  });

  it('a second join with a connected token changes nothing', async () => {
    const h = harness();
    const arn = await h.createStage();
    const a = await h.participant(arn);
    const again = await h.ok('/participants/join', { token: a.token });
    expect(again.participantId).toBe(a.participantId);
    expect((await h.events(arn, a.sessionId, a.participantId)).map((e) => e.name)).toEqual(['JOINED']);
  });
});
