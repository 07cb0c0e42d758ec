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
import { clientInfo } from './clients.ts';
import type { RunningScenario, ScenarioEnv } from './index.ts';
import { seededRng } from './rng.ts';

/**
 * `stopped`: published, then stopped and stays off air (its `published` flag stays true: the console must not
 * read it as on air). `watches`: a viewer who subscribes to the stage's first publisher and never publishes.
 */
type Cast = { userId: string; publish: boolean; attributes?: Record<string, string>; stopped?: boolean; watches?: boolean };
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
      cast: [
        { userId: 'anchor-sam.reed', publish: true, attributes: { role: 'host', displayName: 'Sam Reed' } },
        { userId: 'analyst-ines.moreau', publish: true, stopped: true, attributes: { role: 'guest', displayName: 'Inès Moreau' } },
      ] },
    { region: east, name: 'rehearsal-empty', tags: { team: 'studio-b' }, viewers: 0, cast: [] },
    { region: west, name: 'west-coast-news', tags: { show: 'evening-news', team: 'west' }, viewers: 6,
      cast: [{ userId: 'anchor-kim.lee', publish: true, attributes: { role: 'host' } }] },
    { region: west, name: 'west-watch-party', tags: { show: 'evening-news', team: 'west' }, viewers: 2, cast: [] },
  ];
}

const ERRORS: [name: string, code: string][] = [
  ['SUBSCRIBE_ERROR', 'PUBLISHER_NOT_FOUND'],
  ['PUBLISH_ERROR', 'BITRATE_EXCEEDED'],
  ['PUBLISH_ERROR', 'RESOLUTION_EXCEEDED'],
  ['SUBSCRIBE_ERROR', 'QUOTA_EXCEEDED'],
  ['PUBLISH_ERROR', 'INVALID_VIDEO_CODEC'],
];

export async function startDemo(env: ScenarioEnv): Promise<RunningScenario> {
  const rng = seededRng(env.seed);
  const control = createControlClient(env.url);
  const credentials = { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY };
  const clients = new Map<string, IVSRealTimeClient>();
  const ivs = (region: string) => {
    let c = clients.get(region);
    if (!c) clients.set(region, (c = new IVSRealTimeClient({ region, endpoint: env.url, credentials })));
    return c;
  };

  // A participant the timer may act on: the token lets it re-join after leaving.
  type Member = {
    stageArn: string; region: string; token: string; participantId: string; publish: boolean; connected: boolean; publishing: boolean;
    /** Left alone by the timer, so what the cast says of it stays true. */
    fixed: boolean;
  };
  const members: Member[] = [];
  const stageArns = new Map<string, string>();

  async function join(plan: StagePlan, stageArn: string, cast: Cast): Promise<Member> {
    const { participantToken } = await ivs(plan.region).send(new CreateParticipantTokenCommand({
      stageArn, userId: cast.userId, attributes: cast.attributes, duration: 20160,
      capabilities: cast.publish ? ['PUBLISH', 'SUBSCRIBE'] : ['SUBSCRIBE'],
    }));
    const token = participantToken?.token ?? '';
    const joined = await control.join({ token, clientInfo: clientInfo(rng) });
    const m: Member = {
      stageArn, region: plan.region, token, participantId: joined.participantId, publish: cast.publish, connected: true, publishing: false,
      fixed: cast.stopped === true || cast.watches === true,
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
    return m;
  }

  for (const plan of plans(env.emulator.regions)) {
    const { stage } = await ivs(plan.region).send(new CreateStageCommand({ name: plan.name, tags: plan.tags }));
    const stageArn = stage?.arn ?? '';
    stageArns.set(plan.name, stageArn);
    for (const cast of plan.cast) await join(plan, stageArn, cast);
    for (let i = 0; i < plan.viewers; i++) await join(plan, stageArn, viewer(members.length + i));
  }

  // One live replication: the main show's host appears in the green room.
  const host = members.find((m) => m.stageArn === stageArns.get('friday-live-main') && m.publish);
  if (host) {
    await ivs(host.region).send(new StartParticipantReplicationCommand({
      sourceStageArn: host.stageArn,
      destinationStageArn: stageArns.get('friday-live-greenroom') ?? '',
      participantId: host.participantId,
      reconnectWindowSeconds: 60,
      attributes: { role: 'replica', note: 'main show feed' },
    }));
  }

  // The live part: every couple of seconds a viewer comes or goes, a guest toggles publishing, or a client errs.
  // The replicated host is left alone so the replication stays up, and so are the cast members whose state the
  // demo shows on purpose (a publisher who stopped, a viewer who only subscribes).
  const step = async () => {
    const m = rng.pick(members.filter((x) => x !== host && !x.fixed));
    if (!m) return;
    const roll = rng.next();
    if (!m.connected) {
      await control.join({ token: m.token, clientInfo: clientInfo(rng) });
      m.connected = true;
    } else if (roll < 0.3) {
      await control.leave({ stageArn: m.stageArn, participantId: m.participantId });
      m.connected = false;
      m.publishing = false;
    } else if (m.publish && roll < 0.6) {
      if (m.publishing) await control.unpublish({ stageArn: m.stageArn, participantId: m.participantId });
      else await control.publish({ stageArn: m.stageArn, participantId: m.participantId });
      m.publishing = !m.publishing;
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
