// The events the emulator publishes for its own changes, heard through its Events API by a Node client (the `ws`
// library, signing with @smithy/signature-v4 as the app does): the demo's changes flow, a publish error carries its
// code, individual recording sends Recording Start and End, and the faults act on them too.
import { CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Sha256 } from '../src/http/sha256.ts';
import { startScenario } from '../src/scenarios/index.ts';
import { joinStage } from './participants-support.ts';
import { userCreds, type Creds } from './push-support.ts';
import { startEmulator, staticCredentials, type TestEmulator } from './support.ts';

let t: TestEmulator;
let creds: Creds;
beforeAll(async () => {
  t = await startEmulator({ sessionIdleMs: 600_000 });
  creds = await userCreds(t, 'pat.producer');
});
afterAll(() => t.stop());

type Ev = { id: string; 'detail-type': string; resources: string[]; detail: Record<string, string> };

/** Signed headers of POST /event with `body`, as the protocol wants them (no x-amz-content-sha256). */
async function signed(body: string, region = 'us-east-1', as: Creds = creds): Promise<Record<string, string>> {
  const host = new URL(t.url).host;
  const signer = new SignatureV4({ credentials: as, region, service: 'appsync', sha256: Sha256, applyChecksum: false });
  const req = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: host,
    path: '/event',
    headers: { accept: 'application/json, text/javascript', 'content-encoding': 'amz-1.0', 'content-type': 'application/json; charset=UTF-8', host },
    body,
  });
  return req.headers;
}

/** A connection subscribed to /ivs/*, collecting every event it hears. */
async function listen(): Promise<{ events: Ev[]; ws: WebSocket }> {
  const header = Buffer.from(JSON.stringify(await signed('{}'))).toString('base64url');
  const ws = new WebSocket(`${t.url.replace('http', 'ws')}/event/realtime`, ['aws-appsync-event-ws', `header-${header}`]);
  const events: Ev[] = [];
  const subscribedOk = new Promise<void>((resolve, reject) => {
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; event?: string };
      if (m.type === 'data') events.push(JSON.parse(m.event!) as Ev);
      if (m.type === 'subscribe_success') resolve();
      if (m.type.endsWith('error')) reject(new Error(String(raw)));
    });
  });
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'connection_init' }));
  ws.send(JSON.stringify({ type: 'subscribe', id: 'all', channel: '/ivs/*', authorization: await signed(JSON.stringify({ channel: '/ivs/*' })) }));
  await subscribedOk;
  return { events, ws };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('events of the emulator’s own changes', () => {
  it('a publish error carries its code; individual recording sends Recording Start and Recording End', async () => {
    const { events, ws } = await listen();
    const storage = 'arn:aws:ivs:us-east-1:123456789012:storage-configuration/AbCdEf123456';
    const arn = (await t.ivs().send(new CreateStageCommand({ name: 'rec', autoParticipantRecordingConfiguration: { storageConfigurationArn: storage } }))).stage!.arn!;
    const p = await joinStage(t, arn, { publish: true });
    await t.control.emitError({ stageArn: arn, participantId: p.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });
    await t.control.unpublish({ stageArn: arn, participantId: p.participantId });
    await until(() => events.length >= 5);
    const names = events.map((e) => `${e['detail-type']}/${e.detail.event_name}`);
    expect(names).toEqual([
      'IVS Stage Update/Participant Published',
      'IVS Participant Recording State Change/Recording Start',
      'IVS Stage Update/Participant Publish Error',
      'IVS Stage Update/Participant Unpublished',
      'IVS Participant Recording State Change/Recording End',
    ]);
    expect(events[2].detail).toMatchObject({ error_code: 'BITRATE_EXCEEDED', participant_id: p.participantId });
    expect(events[1].resources).toEqual([arn]);
    expect(events[1].detail.recording_s3_key_prefix).toMatch(new RegExp(`^${arn.split('/').pop()}/${p.sessionId}/${p.participantId}/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ$`));
    expect(events[4].detail.recording_s3_key_prefix).toBe(events[1].detail.recording_s3_key_prefix);
    expect(new Set(events.map((e) => e.id)).size).toBe(5);
    ws.close();
  });

  it('an HTTP publish takes events up to 240 KB each', async () => {
    const publish = async (event: string) => {
      const body = JSON.stringify({ channel: '/ivs/stage/big', events: [event] });
      const res = await fetch(`${t.url}/event`, { method: 'POST', headers: await signed(body, 'us-east-1', staticCredentials), body });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const fits = JSON.stringify('x'.repeat(240 * 1024 - 2));
    expect((await publish(fits)).status).toBe(200);
    const tooBig = JSON.stringify('x'.repeat(240 * 1024 - 1));
    expect(await publish(tooBig)).toEqual({ status: 400, body: { errors: [{ errorType: 'BadRequestException', message: 'events[0] is 245761 bytes; an event may be at most 245760 bytes (240 KB).' }] } });
  });

  it('a subscribe must be signed for the connection’s region', async () => {
    const { ws } = await listen();
    const answer = new Promise<string>((resolve) => ws.on('message', (raw) => String(raw).includes('"subscribe_error"') && resolve(String(raw))));
    ws.send(JSON.stringify({ type: 'subscribe', id: 'west', channel: '/ivs/*', authorization: await signed(JSON.stringify({ channel: '/ivs/*' }), 'us-west-2') }));
    expect(JSON.parse(await answer)).toEqual({
      type: 'subscribe_error',
      id: 'west',
      errors: [{ errorType: 'UnauthorizedException', message: "Credential should be scoped to a valid region, not 'us-west-2'." }],
    });
    ws.close();
  });

  it('the demo scenario’s changes flow as events, and a fault drops them for every subscriber alike', async () => {
    const a = await listen();
    const b = await listen();
    const scenario = await startScenario('demo', { url: t.url, emulator: t.emulator, seed: 7 });
    try {
      await until(() => a.events.some((e) => e.detail.event_name === 'Participant Published'), 10_000);
      await until(() => b.events.length === a.events.length);
      expect(b.events.map((e) => e.id)).toEqual(a.events.map((e) => e.id));
      await t.control.setPushFaults({ dropNext: 1_000_000 });
      const heard = a.events.length;
      const before = await t.control.pushStatus();
      const stage = (await t.ivs().send(new CreateStageCommand({ name: 'dropped' }))).stage!.arn!;
      await joinStage(t, stage, { publish: true });
      const after = await t.control.pushStatus();
      expect(after.dropped).toBeGreaterThan(before.dropped);
      expect(after.delivered).toBe(before.delivered);
      expect(a.events.length).toBe(heard);
    } finally {
      scenario.stop();
      await t.control.clearPushFaults();
      a.ws.close();
      b.ws.close();
    }
  });
});
