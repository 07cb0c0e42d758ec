// The `demo` scenario: a few named stages in two regions, alive on a seeded timer. It plays a producer's
// backend (the real AWS SDK with the static key) and the participants' clients (the control API client).
import {
  CreateParticipantTokenCommand,
  CreateStageCommand,
  IVSRealTimeClient,
  StartParticipantReplicationCommand,
} from '@aws-sdk/client-ivs-realtime';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../auth/credentials.ts';
import { createControlClient } from '../control/client.ts';
import { paceClient, Pacer } from '../control/pacer.ts';
import { clientInfo } from './clients.ts';
import type { RunningScenario, ScenarioEnv } from './index.ts';
import { seededRng } from './rng.ts';

/**
 * `protocol`: how it publishes (an encoder over RTMPS is the only kind with PublishFramerate metrics).
 * `stopped`: published, then stopped and stays off air (its `published` flag stays true: the console must not
 * read it as on air). `watches`: a viewer who subscribes to the stage's first publisher and never publishes.
 */
type Cast = { userId: string; publish: boolean; attributes?: Record<string, string>; stopped?: boolean; watches?: boolean; protocol?: 'WHIP' | 'RTMPS' };
type StagePlan = { region: string; name: string; tags: Record<string, string>; cast: Cast[]; viewers: number };

const viewer = (i: number): Cast => ({ userId: `viewer-${1000 + i * 37}`, publish: false });

function plans(regions: string[]): StagePlan[] {
  const [east, west = regions[0]] = regions;
  return [
    {
      region: east, name: 'friday-live-main', tags: { show: 'friday-live', team: 'studio-a' }, viewers: 9,
      cast: [
        { userId: 'host-maya.okafor', publish: true, attributes: { role: 'host', displayName: 'Maya Okafor' } },
        { userId: 'guest-leo.brandt', publish: true, attributes: { role: 'guest', displayName: 'Leo Brandt' } },
        { userId: 'guest-ravi.patel', publish: true, stopped: true, attributes: { role: 'guest', displayName: 'Ravi Patel' } },
        { userId: 'producer-jo.king', publish: false, watches: true, attributes: { role: 'producer', displayName: 'Jo King' } },
      ],
    },
    {
      region: east, name: 'friday-live-greenroom', tags: { show: 'friday-live', team: 'studio-a' }, viewers: 3,
      cast: [{ userId: 'guest-ana.silva', publish: true, attributes: { role: 'guest', displayName: 'Ana Silva' } }],
    },
    { region: east, name: 'sports-desk', tags: { show: 'sports-desk', team: 'studio-b' }, viewers: 5,
      // An encoder over RTMPS: the only kind of publisher with PublishFramerate metrics.
      cast: [
        { userId: 'anchor-sam.reed', publish: true, attributes: { role: 'host', displayName: 'Sam Reed' }, protocol: 'RTMPS' },
        { userId: 'analyst-ines.moreau', publish: true, stopped: true, attributes: { role: 'guest', displayName: 'Inès Moreau' } },
      ] },
    { region: east, name: 'rehearsal-empty', tags: { team: 'studio-b' }, viewers: 0, cast: [] },
    { region: west, name: 'west-coast-news', tags: { show: 'evening-news', team: 'west' }, viewers: 6,
      cast: [{ userId: 'anchor-kim.lee', publish: true, attributes: { role: 'host' } }] },
    { region: west, name: 'west-watch-party', tags: { show: 'evening-news', team: 'west' }, viewers: 2, cast: [] },
  ];
}

/** The shaky guest's schedule on the emulator's clock (exported for its test). */
export const SHAKY_FIRST_MS = 30_000;
export const SHAKY_EVERY_MS = 180_000;
export const SHAKY_FOR_MS = 40_000;

const ERRORS: [name: string, code: string][] = [
  ['SUBSCRIBE_ERROR', 'PUBLISHER_NOT_FOUND'],
  ['PUBLISH_ERROR', 'BITRATE_EXCEEDED'],
  ['PUBLISH_ERROR', 'RESOLUTION_EXCEEDED'],
  ['SUBSCRIBE_ERROR', 'QUOTA_EXCEEDED'],
  ['PUBLISH_ERROR', 'INVALID_VIDEO_CODEC'],
];

export async function startDemo(env: ScenarioEnv): Promise<RunningScenario> {
  const rng = seededRng(env.seed);
  const control = createControlClient(env.url, env.emulator.controlKey);
  const credentials = { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY };
  const clients = new Map<string, IVSRealTimeClient>();
  // A producer's backend that keeps to AWS's rate limits, as one must: the demo never meets a ThrottlingException.
  const pacer = new Pacer();
  const ivs = (region: string) => {
    let c = clients.get(region);
    if (!c) clients.set(region, (c = paceClient(new IVSRealTimeClient({ region, endpoint: env.url, credentials }), pacer)));
    return c;
  };

  // A participant the timer may act on: the token lets it re-join after leaving.
  // `token` is empty for a member adopted from a data file (tokens are not stored): it gets a new one to re-join.
  type Member = {
    stageArn: string; region: string; token: string; participantId: string; publish: boolean; connected: boolean; publishing: boolean;
    userId: string; attributes?: Record<string, string>;
    /** Left alone by the timer, so what the cast says of it stays true. */
    fixed: boolean;
  };
  const members: Member[] = [];
  const stageArns = new Map<string, string>();

  async function mint(region: string, stageArn: string, cast: Cast): Promise<string> {
    const { participantToken } = await ivs(region).send(new CreateParticipantTokenCommand({
      stageArn, userId: cast.userId, attributes: cast.attributes, duration: 20160,
      capabilities: cast.publish ? ['PUBLISH', 'SUBSCRIBE'] : ['SUBSCRIBE'],
    }));
    return participantToken?.token ?? '';
  }

  async function join(plan: StagePlan, stageArn: string, cast: Cast): Promise<Member> {
    const token = await mint(plan.region, stageArn, cast);
    const joined = await control.join({ token, clientInfo: clientInfo(rng, cast.protocol) });
    const m: Member = {
      stageArn, region: plan.region, token, participantId: joined.participantId, publish: cast.publish, connected: true, publishing: false,
      userId: cast.userId, attributes: cast.attributes, fixed: cast.stopped === true || cast.watches === true,
    };
    if (cast.publish) {
      await control.publish({ stageArn, participantId: m.participantId });
      m.publishing = true;
    }
    if (cast.stopped) {
      await control.unpublish({ stageArn, participantId: m.participantId });
      m.publishing = false;
    }
    if (cast.watches) {
      const first = members.find((x) => x.stageArn === stageArn && x.publishing);
      if (first) await control.subscribe({ stageArn, participantId: m.participantId, remoteParticipantId: first.participantId });
    }
    members.push(m);
    await watch(m);
    return m;
  }

  /** A viewer receives every publisher of its stage (that is what makes it count as a subscriber). */
  async function watch(m: Member): Promise<void> {
    if (m.publish) return;
    for (const p of members) {
      if (p.stageArn === m.stageArn && p.connected && p.publishing) {
        await control.subscribe({ stageArn: m.stageArn, participantId: m.participantId, remoteParticipantId: p.participantId });
      }
    }
  }

  // A data file may already hold the demo (a restart): its stages are adopted, with the participants of their live
  // sessions, rather than created a second time.
  const em = env.emulator;
  const existing = (plan: StagePlan) => [...(em.world.backend(em.accountId, plan.region)?.stages.values() ?? [])].find((st) => st.name === plan.name);
  for (const plan of plans(em.regions)) {
    const found = existing(plan);
    if (found) {
      stageArns.set(plan.name, found.arn);
      const backend = em.world.backend(em.accountId, plan.region);
      const session = found.activeSessionId ? backend?.sessions.get(found.activeSessionId) : undefined;
      for (const p of session?.participants ?? []) {
        if (p.replicationType === 'REPLICA') continue;
        members.push({
          stageArn: found.arn, region: plan.region, token: '', participantId: p.participantId, publish: p.capabilities.includes('PUBLISH'),
          connected: p.state === 'CONNECTED', publishing: p.publishing, userId: p.userId, attributes: { ...p.attributes },
          fixed: plan.cast.some((c) => c.userId === p.userId && (c.stopped === true || c.watches === true)),
        });
      }
      continue;
    }
    const { stage } = await ivs(plan.region).send(new CreateStageCommand({ name: plan.name, tags: plan.tags }));
    const stageArn = stage?.arn ?? '';
    stageArns.set(plan.name, stageArn);
    for (const cast of plan.cast) await join(plan, stageArn, cast);
    for (let i = 0; i < plan.viewers; i++) await join(plan, stageArn, viewer(members.length + i));
  }

  // One live replication: the main show's host appears in the green room (unless the data file kept it going).
  const host = members.find((m) => m.stageArn === stageArns.get('friday-live-main') && m.publish);
  const greenroom = stageArns.get('friday-live-greenroom') ?? '';
  const replicating = host && [...(em.world.backend(em.accountId, host.region)?.replications.values() ?? [])]
    .some((r) => r.participantId === host.participantId && r.destinationStageArn === greenroom && r.state === 'ACTIVE');
  if (host?.connected && host.publishing && !replicating) {
    await ivs(host.region).send(new StartParticipantReplicationCommand({
      sourceStageArn: host.stageArn,
      destinationStageArn: stageArns.get('friday-live-greenroom') ?? '',
      participantId: host.participantId,
      reconnectWindowSeconds: 60,
      attributes: { role: 'replica', note: 'main show feed' },
    }));
  }

  // The main show's guest has a shaky uplink: on the emulator's clock, from 30 s in and every 3 minutes after, it
  // degrades for 40 s. The first seconds of a spell push retransmissions over the limit, which is when the service
  // reports BITRATE_EXCEEDED; then the bitrate dips, the resolution steps down and packet loss rises.
  const shaky = members.find((m) => m.stageArn === stageArns.get('friday-live-main') && m.publish && m !== host);
  const clock = env.emulator.clock;
  let nextSpell = clock.now() + SHAKY_FIRST_MS;
  const degrade = async () => {
    if (clock.now() < nextSpell) return;
    nextSpell = clock.now() + SHAKY_EVERY_MS;
    if (!shaky?.connected || !shaky.publishing) return;
    await control.setNetwork({ stageArn: shaky.stageArn, participantId: shaky.participantId, severity: 0.75, durationMs: SHAKY_FOR_MS });
    await control.emitError({ stageArn: shaky.stageArn, participantId: shaky.participantId, name: 'PUBLISH_ERROR', errorCode: 'BITRATE_EXCEEDED' });
  };

  // The live part: every couple of seconds a viewer comes or goes, a guest toggles publishing, or a client errs.
  // The replicated host and the shaky guest are left alone so the replication and the guest's story stay up, and
  // so are the cast members whose state the demo shows on purpose (a publisher who stopped, a viewer who only
  // subscribes).
  const step = async () => {
    await degrade();
    const m = rng.pick(members.filter((x) => x !== host && x !== shaky && !x.fixed));
    if (!m) return;
    const roll = rng.next();
    if (!m.connected) {
      if (!m.token) {
        // Adopted from a data file: a new token means a new participant id for the same user.
        m.token = await mint(m.region, m.stageArn, { userId: m.userId, publish: m.publish, attributes: m.attributes });
      }
      m.participantId = (await control.join({ token: m.token, clientInfo: clientInfo(rng) })).participantId;
      m.connected = true;
      await watch(m);
    } else if (roll < 0.3) {
      await control.leave({ stageArn: m.stageArn, participantId: m.participantId });
      m.connected = false;
      m.publishing = false;
    } else if (m.publish && roll < 0.6) {
      if (m.publishing) await control.unpublish({ stageArn: m.stageArn, participantId: m.participantId });
      else await control.publish({ stageArn: m.stageArn, participantId: m.participantId });
      m.publishing = !m.publishing;
      // The stage's viewers pick a publisher that is back up again.
      if (m.publishing) for (const v of members) if (v.stageArn === m.stageArn && v.connected && !v.publish) await control.subscribe({ stageArn: v.stageArn, participantId: v.participantId, remoteParticipantId: m.participantId });
    } else if (roll < 0.75) {
      const [name, errorCode] = rng.pick(ERRORS);
      await control.emitError({ stageArn: m.stageArn, participantId: m.participantId, name, errorCode });
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    step()
      .catch((e: unknown) => console.error('demo scenario step failed:', (e as Error).message))
      .finally(() => (busy = false));
  }, 2000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      clients.forEach((c) => c.destroy());
    },
  };
}
