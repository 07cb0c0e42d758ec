// The emulator's AppSync Events endpoint, driven by an independent client: Python's standard library socket with
// RFC 6455 framing written out, and botocore's SigV4 (service appsync), following the protocol as AWS documents it
// (emulator/test/python/appsync_events_client.py). Skipped, with the reason printed, where python3 or botocore is
// missing.
import { CreateStageCommand, DisconnectParticipantCommand, StartParticipantReplicationCommand, StopParticipantReplicationCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventsApiId } from '../src/appsync/channels.ts';
import { joinStage } from './participants-support.ts';
import { noAccessCreds, PyEventsClient, pythonMissing, startPyClients, stopPyClients, userCreds, type Creds } from './push-support.ts';
import { staticCredentials, startEmulator, type TestEmulator } from './support.ts';

if (pythonMissing) console.warn(`AppSync Events protocol check skipped: ${pythonMissing}.`);

const KA_MS = 300;
let t: TestEmulator;
let producer: Creds;
let support: Creds;
const clients: PyEventsClient[] = [];
const client = () => {
  const c = new PyEventsClient();
  clients.push(c);
  return c;
};

beforeAll(async () => {
  if (pythonMissing) return;
  startPyClients();
  t = await startEmulator({ sessionIdleMs: 600_000, pushKeepAliveMs: KA_MS });
  producer = await userCreds(t, 'pat.producer');
  support = await userCreds(t, 'sam.support');
});
afterEach(async () => {
  if (pythonMissing) return;
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  await t.control.clearPushFaults();
});
afterAll(async () => {
  await stopPyClients();
  await t?.stop();
});

const newStage = async (name: string, region = 'us-east-1') => (await t.ivs(region).send(new CreateStageCommand({ name }))).stage!.arn!;
const stageId = (arn: string) => arn.split('/').pop()!;
type Ev = { version: string; id: string; 'detail-type': string; source: string; account: string; time: string; region: string; resources: string[]; detail: Record<string, string> };
const eventOf = (m: { event?: unknown }) => JSON.parse(m.event as string) as Ev;

async function subscribed(c: PyEventsClient, id: string, channel: string, extra: Record<string, unknown> = {}) {
  await c.do({ op: 'subscribe', id, channel, ...extra });
  return c.nextNonKa();
}

describe.skipIf(pythonMissing !== undefined)('AppSync Events WebSocket protocol', () => {
  it('handshake: the subprotocol is chosen, connection_init gets connection_ack {connectionTimeoutMs}, then ka every few hundred ms', async () => {
    const c = client();
    const host = new URL(t.url).host;
    const connected = await c.do({ op: 'connect', url: `ws://${host}/event/realtime`, host, region: 'us-east-1', creds: producer });
    expect(connected).toMatchObject({ status: 101, protocol: 'aws-appsync-event-ws' });
    await c.do({ op: 'send', msg: { type: 'connection_init' } });
    expect(await c.next()).toEqual({ type: 'connection_ack', connectionTimeoutMs: 300000 });
    const started = Date.now();
    const kas = [await c.next(), await c.next(), await c.next()];
    expect(kas.every((m) => m.type === 'ka')).toBe(true);
    // One right after the ack, then two more at the configured beat.
    expect(Date.now() - started).toBeGreaterThanOrEqual(KA_MS * 2 - 50);
    expect(Date.now() - started).toBeLessThan(KA_MS * 6);
  });

  it('a publish by a participant and an unpublish through the IVS API reach a stage subscriber as IVS Stage Update events', async () => {
    const arn = await newStage('push-stage');
    const c = client();
    await c.open(t, producer);
    expect(await subscribed(c, 'stage-sub', `/ivs/stage/${stageId(arn)}`)).toEqual({ type: 'subscribe_success', id: 'stage-sub' });

    const host = await joinStage(t, arn, { userId: 'host-1', publish: true });
    const published = await c.nextNonKa();
    expect(published).toMatchObject({ type: 'data', id: 'stage-sub' });
    expect(typeof published.event).toBe('string');
    const ev = eventOf(published);
    expect(ev).toMatchObject({ version: '0', 'detail-type': 'IVS Stage Update', source: 'aws.ivs', account: '123456789012', region: 'us-east-1', resources: [arn] });
    expect(ev.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ev.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ev.detail).toMatchObject({ event_name: 'Participant Published', participant_id: host.participantId, session_id: host.sessionId, user_id: 'host-1' });
    expect(ev.detail.event_time).toBe(ev.time);
    // Joining sends nothing: IVS has no Joined event on EventBridge.
    expect(await c.drain()).toEqual([]);

    await t.ivs().send(new DisconnectParticipantCommand({ stageArn: arn, participantId: host.participantId }));
    const unpublished = eventOf(await c.nextNonKa());
    expect(unpublished.detail).toMatchObject({ event_name: 'Participant Unpublished', participant_id: host.participantId });
    expect(unpublished.id).not.toBe(ev.id);
    expect(await c.drain()).toEqual([]);
  });

  it('replication started and stopped reach both stages', async () => {
    const src = await newStage('push-src');
    const dst = await newStage('push-dst');
    const host = await joinStage(t, src, { userId: 'vs-host', publish: true });
    const c = client();
    await c.open(t, producer);
    expect((await subscribed(c, 'all', '/ivs/*')).type).toBe('subscribe_success');
    await t.ivs().send(new StartParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId }));
    const started = (await c.drain()).map(eventOf);
    const names = started.map((e) => `${stageId(e.resources[0])}:${e.detail.event_name}`);
    expect(names).toContain(`${stageId(src)}:Participant Replication Started`);
    expect(names).toContain(`${stageId(dst)}:Participant Replication Started`);
    expect(names).toContain(`${stageId(dst)}:Participant Published`);
    const fromSource = started.find((e) => e.resources[0] === src && e.detail.event_name === 'Participant Replication Started')!;
    expect(fromSource.detail).toMatchObject({ destination_stage_arn: dst, participant_id: host.participantId });
    await t.ivs().send(new StopParticipantReplicationCommand({ sourceStageArn: src, destinationStageArn: dst, participantId: host.participantId }));
    const stopped = (await c.drain()).map((m) => `${stageId(eventOf(m).resources[0])}:${eventOf(m).detail.event_name}`);
    expect(stopped).toEqual(expect.arrayContaining([`${stageId(src)}:Participant Replication Stopped`, `${stageId(dst)}:Participant Replication Stopped`, `${stageId(dst)}:Participant Unpublished`]));
  });

  it('a wildcard hears every stage of its region, a stage channel only its stage, another region nothing', async () => {
    const a = await newStage('push-a');
    const b = await newStage('push-b');
    const west = await newStage('push-west', 'us-west-2');
    const c = client();
    await c.open(t, producer);
    expect((await subscribed(c, 'wild', '/ivs/*')).type).toBe('subscribe_success');
    expect((await subscribed(c, 'only-a', `/ivs/stage/${stageId(a)}`)).type).toBe('subscribe_success');
    const w = client();
    await w.open(t, await userCreds(t, 'pat.producer', 'us-west-2'), 'us-west-2');
    expect((await subscribed(w, 'wild', '/ivs/stage/*')).type).toBe('subscribe_success');

    await joinStage(t, a, { publish: true });
    await joinStage(t, b, { publish: true });
    await joinStage(t, west, { publish: true });
    const got = (await c.drain()).map((m) => `${m.id}:${stageId(eventOf(m).resources[0])}`);
    expect(got.sort()).toEqual([`only-a:${stageId(a)}`, `wild:${stageId(a)}`, `wild:${stageId(b)}`].sort());
    const west_ = (await w.drain()).map((m) => eventOf(m));
    expect(west_.map((e) => [e.region, e.resources[0]])).toEqual([['us-west-2', west]]);
  });

  it('unsubscribe stops the data; an unknown id gets unsubscribe_error', async () => {
    const arn = await newStage('push-unsub');
    const c = client();
    await c.open(t, producer);
    await subscribed(c, 'u1', `/ivs/stage/${stageId(arn)}`);
    await c.do({ op: 'send', msg: { type: 'unsubscribe', id: 'u1' } });
    expect(await c.nextNonKa()).toEqual({ type: 'unsubscribe_success', id: 'u1' });
    await joinStage(t, arn, { publish: true });
    expect(await c.drain()).toEqual([]);
    await c.do({ op: 'send', msg: { type: 'unsubscribe', id: 'u1' } });
    expect(await c.nextNonKa()).toMatchObject({ type: 'unsubscribe_error', id: 'u1', errors: [{ errorType: 'BadRequestException' }] });
  });

  it('subscribe errors: bad channels, a bad id, a tampered signature, another namespace', async () => {
    const c = client();
    await c.open(t, producer);
    for (const channel of ['/ivs/bad_segment', '/ivs/-x', '/*', '/ivs/*/stage', '/a/b/c/d/e/f', `/ivs/${'x'.repeat(51)}`]) {
      const m = await subscribed(c, 'bad', channel);
      expect(m, channel).toMatchObject({ type: 'subscribe_error', id: 'bad', errors: [{ errorType: 'BadRequestException' }] });
      expect(m.errors![0].message).toMatch(/Invalid Channel Format/);
    }
    expect(await subscribed(c, 'has space', '/ivs/*')).toMatchObject({ type: 'subscribe_error', errors: [{ errorType: 'BadRequestException' }] });
    const tampered = await subscribed(c, 'tampered', '/ivs/*', { tamper: true });
    expect(tampered).toMatchObject({ type: 'subscribe_error', id: 'tampered', errors: [{ errorType: 'UnauthorizedException' }] });
    expect(tampered.errors![0].message).toMatch(/signature we calculated does not match/);
    // The role may subscribe in the ivs namespace only.
    const other = await subscribed(c, 'other', '/default/*');
    expect(other).toMatchObject({ type: 'subscribe_error', errors: [{ errorType: 'UnauthorizedException' }] });
    expect(other.errors![0].message).toBe(
      `User: arn:aws:sts::123456789012:assumed-role/greenroom-producer/CognitoIdentityCredentials is not authorized to perform: appsync:EventSubscribe on resource: arn:aws:appsync:us-east-1:123456789012:apis/${eventsApiId('us-east-1')}/channelNamespace/default`,
    );
    // The connection survives every refusal.
    expect(await subscribed(c, 'fine', '/ivs/*')).toEqual({ type: 'subscribe_success', id: 'fine' });
    expect(await subscribed(c, 'fine', '/ivs/*')).toMatchObject({ type: 'subscribe_error', id: 'fine', errors: [{ errorType: 'BadRequestException' }] });
  });

  it('the support role connects and subscribes; a role without a policy is refused at connect and at subscribe', async () => {
    const c = client();
    await c.open(t, support);
    expect(await subscribed(c, 's', '/ivs/*')).toEqual({ type: 'subscribe_success', id: 's' });
    const nobody = noAccessCreds(t);
    expect(await subscribed(c, 'n', '/ivs/*', { creds: nobody })).toMatchObject({ type: 'subscribe_error', errors: [{ errorType: 'UnauthorizedException', message: expect.stringMatching(/greenroom-nobody.*appsync:EventSubscribe/) }] });

    const n = client();
    const host = new URL(t.url).host;
    expect((await n.do({ op: 'connect', url: `ws://${host}/event/realtime`, host, region: 'us-east-1', creds: nobody })).status).toBe(101);
    const refused = await n.next();
    expect(refused).toMatchObject({ type: 'connection_error', errors: [{ errorType: 'UnauthorizedException', message: expect.stringMatching(/appsync:EventConnect on resource: arn:aws:appsync:us-east-1:123456789012:apis\//) }] });
    expect(await n.closing()).toMatchObject({ closed: 1008 });
  });

  it('a tampered connect signature is refused with connection_error', async () => {
    const c = client();
    const host = new URL(t.url).host;
    await c.do({ op: 'connect', url: `ws://${host}/event/realtime`, host, region: 'us-east-1', creds: producer, tamper: true });
    expect(await c.next()).toMatchObject({ type: 'connection_error', errors: [{ errorType: 'UnauthorizedException' }] });
    const noHeader = client();
    const answer = await noHeader.do({ op: 'connect', url: `ws://${host}/event/realtime`, host, region: 'us-east-1', creds: producer, subprotocols: ['graphql-ws'] });
    expect(answer.status).toBe(400);
  });

  it('staff roles cannot publish, over the socket or HTTP; the account key can, and subscribers hear it', async () => {
    const c = client();
    await c.open(t, support);
    await subscribed(c, 'all', '/ivs/*');
    for (const creds of [support, producer]) {
      await c.do({ op: 'publish', id: 'p1', channel: '/ivs/stage/x', events: ['{"a":1}'], creds });
      const refused = await c.nextNonKa();
      expect(refused).toMatchObject({ type: 'publish_error', id: 'p1', errors: [{ errorType: 'UnauthorizedException', message: expect.stringMatching(/appsync:EventPublish/) }] });
      const http = await c.do({ op: 'http_publish', channel: '/ivs/stage/x', events: ['{"a":1}'], creds });
      expect(http.status).toBe(401);
      expect(http.body).toMatchObject({ errors: [{ errorType: 'UnauthorizedException' }] });
    }
    expect(await c.drain()).toEqual([]);
    const ok = await c.do({ op: 'http_publish', channel: '/ivs/stage/x', events: ['{"a":1}', '"two"'], creds: staticCredentials });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ failed: [], successful: [{ index: 0 }, { index: 1 }] });
    expect((await c.drain()).map((m) => m.event)).toEqual(['{"a":1}', '"two"']);
    const tooMany = await c.do({ op: 'http_publish', channel: '/ivs/stage/x', events: ['1', '2', '3', '4', '5', '6'], creds: staticCredentials });
    expect(tooMany).toMatchObject({ status: 400, body: { errors: [{ errorType: 'BadRequestException' }] } });
    const notJson = await c.do({ op: 'http_publish', channel: '/ivs/stage/x', events: ['{nope'], creds: staticCredentials });
    expect(notJson).toMatchObject({ status: 400, body: { errors: [{ errorType: 'BadRequestException', message: 'events[0] is not valid JSON.' }] } });
    await c.do({ op: 'publish', id: 'p2', channel: '/ivs/stage/x', events: ['3'], creds: staticCredentials });
    const wsOk = await c.drain();
    expect(wsOk).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'publish_success', id: 'p2' }), { type: 'data', id: 'all', event: '3' }]));
  });

  it('at most 200 subscriptions per connection', async () => {
    const c = client();
    await c.open(t, producer);
    // Sent back to back: the client answers its commands in order, so they need not wait for one another.
    await Promise.all(Array.from({ length: 200 }, (_, i) => c.do({ op: 'subscribe', id: `s${i}`, channel: `/ivs/stage/s${i}` })));
    // The 200 answers, read as they come (each within nextNonKa's timeout) rather than over a fixed window.
    const acks = [];
    for (let i = 0; i < 200; i++) acks.push(await c.nextNonKa());
    expect(acks.filter((m) => m.type === 'subscribe_success')).toHaveLength(200);
    expect(await subscribed(c, 's200', '/ivs/*')).toMatchObject({ type: 'subscribe_error', id: 's200', errors: [{ errorType: 'MaxSubscriptionsReachedError' }] });
    expect((await t.control.pushStatus()).subscriptions).toBeGreaterThanOrEqual(200);
  });

  it('a subscribe signed with expired credentials is refused and the socket closes', async () => {
    const short = t.emulator.credentials.issueTemporary('us-east-1:00000000-0000-4000-8000-0000000000fe', 60_000, { roleName: 'greenroom-support' });
    const creds = { accessKeyId: short.accessKeyId, secretAccessKey: short.secretAccessKey, sessionToken: short.sessionToken };
    const c = client();
    await c.open(t, creds);
    expect(await subscribed(c, 'before', '/ivs/*')).toEqual({ type: 'subscribe_success', id: 'before' });
    await t.control.advanceClock(120_000);
    expect(await subscribed(c, 'after', '/ivs/*')).toMatchObject({ type: 'subscribe_error', id: 'after', errors: [{ errorType: 'UnauthorizedException', message: expect.stringMatching(/expired/) }] });
    expect(await c.closing()).toMatchObject({ closed: 1008 });
  });
});

describe.skipIf(pythonMissing !== undefined)('push fault controls, seen by the independent client', () => {
  /** A client subscribed to /ivs/*, publishing numbered events with the account key. */
  async function rig() {
    const c = client();
    await c.open(t, producer);
    await subscribed(c, 'all', '/ivs/*');
    const publish = async (...ns: number[]) => {
      for (let i = 0; i < ns.length; i += 5) {
        const res = await c.do({ op: 'http_publish', channel: '/ivs/stage/faults', events: ns.slice(i, i + 5).map((n) => JSON.stringify({ n })), creds: staticCredentials });
        expect(res.status).toBe(200);
      }
    };
    const received = async (window = 0.5) => (await c.drain(window)).filter((m) => m.type === 'data').map((m) => (JSON.parse(m.event as string) as { n: number }).n);
    return { c, publish, received };
  }

  it('dropNext drops exactly the next n events, and the status counts them', async () => {
    const { publish, received } = await rig();
    const before = await t.control.pushStatus();
    expect(await t.control.setPushFaults({ dropNext: 2 })).toMatchObject({ dropNext: 2, dropRate: 0, refuseConnections: false });
    await publish(0, 1, 2, 3);
    expect(await received()).toEqual([2, 3]);
    const after = await t.control.pushStatus();
    expect(after.dropped - before.dropped).toBe(2);
    expect(after.published - before.published).toBe(4);
    expect(after.delivered - before.delivered).toBe(2);
  });

  it('dropRate drops a repeatable share for a seed', async () => {
    const { publish, received } = await rig();
    const ns = Array.from({ length: 20 }, (_, i) => i);
    await t.control.setPushFaults({ dropRate: 0.5, seed: 7 });
    await publish(...ns);
    const first = await received();
    await t.control.setPushFaults({ dropRate: 0.5, seed: 7 });
    await publish(...ns);
    expect(await received()).toEqual(first);
    expect(first.length).toBeGreaterThan(2);
    expect(first.length).toBeLessThan(18);
    await t.control.setPushFaults({ dropRate: 0.5, seed: 8 });
    await publish(...ns);
    expect(await received()).not.toEqual(first);
  });

  it('duplicateRate 1 delivers every event twice', async () => {
    const { publish, received } = await rig();
    await t.control.setPushFaults({ duplicateRate: 1 });
    await publish(0, 1);
    expect(await received()).toEqual([0, 0, 1, 1]);
  });

  it('reorderWindow holds that many events and delivers them newest-first; clearing releases what is held', async () => {
    const { publish, received } = await rig();
    await t.control.setPushFaults({ reorderWindow: 3 });
    await publish(0, 1, 2, 3);
    expect(await received()).toEqual([2, 1, 0]);
    expect((await t.control.setPushFaults({ reorderWindow: 3 })).held).toBe(0);
    expect(await received()).toEqual([3]);
  });

  it('delayMs holds each delivery back', async () => {
    const { c, publish, received } = await rig();
    await t.control.setPushFaults({ delayMs: 700 });
    const started = Date.now();
    await publish(5);
    expect((await c.drain(0.3)).filter((m) => m.type === 'data')).toEqual([]);
    expect(await received(1.5)).toEqual([5]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
  });

  it('refuseConnections answers the upgrade with 503 until cleared', async () => {
    await t.control.setPushFaults({ refuseConnections: true });
    const c = client();
    const host = new URL(t.url).host;
    const refused = await c.do({ op: 'connect', url: `ws://${host}/event/realtime`, host, region: 'us-east-1', creds: producer });
    expect(refused.status).toBe(503);
    await t.control.clearPushFaults();
    expect((await c.open(t, producer)).type).toBe('connection_ack');
  });

  it('close-sockets closes with the code given, or drops the sockets without one', async () => {
    const a = client();
    await a.open(t, producer);
    expect((await t.control.pushStatus()).connections).toBeGreaterThanOrEqual(1);
    expect((await t.control.closePushSockets(4000)).closed).toBeGreaterThanOrEqual(1);
    expect(await a.closing()).toMatchObject({ closed: 4000 });
    const b = client();
    await b.open(t, producer);
    expect((await t.control.closePushSockets()).closed).toBeGreaterThanOrEqual(1);
    expect(await b.closing()).toMatchObject({ closed: 1006 });
    expect((await t.control.pushStatus()).connections).toBe(0);
    await expect(t.control.closePushSockets(1006)).rejects.toThrow(/code must be 1000 or an application close code/);
    await expect(t.control.setPushFaults({ dropRate: 2 } as never)).rejects.toThrow(/dropRate must be a number from 0 to 1/);
    await expect(t.control.setPushFaults({ dropEverything: true } as never)).rejects.toThrow(/Unknown push fault "dropEverything"/);
  });
});
