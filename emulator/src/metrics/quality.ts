// The simulated media quality of a participant: what its client would report, as a pure function of its id,
// the time and its network spells. Deterministic: the same participant (ids come from the seeded World) gives the
// same numbers on every run and every query, so charts and tests can compare values.
import type { NetworkSpell, ParticipantRecord } from '../state/records.ts';

/** Samples are taken every 5 s. AWS is silent on the IVS Real-Time resolution; its advocates query Period 5. */
export const SAMPLE_MS = 5_000;
/** How long a spell takes to bite and to clear: links degrade and recover over a few samples, not at once. */
const RAMP_MS = 15_000;
/**
 * The first samples of a spell carry retransmissions on top of the media (PublishBitrate counts them), which is
 * what makes the service report BITRATE_EXCEEDED before congestion control cuts the rate.
 */
export const BURST_MS = 10_000;
export const BURST_FACTOR = 1.6;

export type Layer = 'hi' | 'mid' | 'low' | 'none';
export type MediaType = 'video' | 'audio';

/** Nominal publish rates (bits/s) and heights (pixels on the shorter side) of the Web Broadcast SDK's layers. */
export const VIDEO_LAYERS: Record<Layer, { bitrate: number; resolution: number }> = {
  hi: { bitrate: 2_500_000, resolution: 720 },
  mid: { bitrate: 700_000, resolution: 360 },
  low: { bitrate: 200_000, resolution: 180 },
  none: { bitrate: 2_500_000, resolution: 720 },
};
export const AUDIO_BITRATE = 64_000;
export const FRAMERATE = 30;

/** FNV-1a over the text, then a finaliser: a stable pseudo-random number in [0, 1). */
export function noise(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Small steady wobble around 1 (±spread), different per participant, metric and sample. */
export const jitter = (key: string, t: number, spread = 0.04): number => 1 + (noise(`${key}@${t}`) * 2 - 1) * spread;

/**
 * Whether the participant's video goes out in simulcast layers. RTMP has no simulcast; half of the WebRTC
 * publishers (by id) use it, as the Web SDK leaves it to the app.
 */
export function layersOf(p: ParticipantRecord): Layer[] {
  if (p.client.protocol === 'RTMP' || p.client.protocol === 'RTMPS') return ['none'];
  return noise(`simulcast/${p.participantId}`) < 0.5 ? ['hi', 'mid', 'low'] : ['none'];
}

/**
 * Whether the participant's client reports metrics at all. AWS documents a first reporting version per broadcast
 * SDK (Web 1.5.0 where it explains access, 1.5.2 above its metric table; Android and iOS 1.12.0); the emulator takes
 * the earlier Web one. Encoders without an SDK (RTMP, WHIP) report. AWS is silent on clients that tell neither
 * browser nor OS: they report here.
 */
export function reportsMetrics(p: ParticipantRecord): boolean {
  const c = p.client;
  if (c.protocol === 'RTMP' || c.protocol === 'RTMPS' || c.protocol === 'WHIP' || !c.sdkVersion) return true;
  const minimum = c.browserName ? [1, 5, 0] : /android|\b(ios|ipados|iphone|ipad)\b/i.test(c.osName ?? '') ? [1, 12, 0] : undefined;
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(c.sdkVersion.trim());
  if (!minimum || !m) return true;
  const v = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  for (let i = 0; i < 3; i++) if (v[i] !== minimum[i]) return (v[i] as number) > (minimum[i] as number);
  return true;
}

export const isRtmp = (p: ParticipantRecord): boolean => p.client.protocol === 'RTMP' || p.client.protocol === 'RTMPS';

/** How badly the link is hurt at t: 0 = fine, up to the spell's severity once it has ramped in. */
export function impairment(spells: readonly NetworkSpell[] | undefined, t: number): number {
  let worst = 0;
  for (const s of spells ?? []) {
    if (t < s.from) continue;
    const rampIn = Math.min(1, (t - s.from) / RAMP_MS);
    const rampOut = s.to === undefined ? 1 : t < s.to ? 1 : Math.max(0, 1 - (t - s.to) / RAMP_MS);
    worst = Math.max(worst, s.severity * Math.min(rampIn, rampOut));
  }
  return worst;
}

/** True in the first seconds of a spell, while retransmissions inflate what the publisher sends. */
export function inBurst(spells: readonly NetworkSpell[] | undefined, t: number): boolean {
  return (spells ?? []).some((s) => t >= s.from && t < s.from + BURST_MS && (s.to === undefined || t < s.to));
}

/** PublishBitrate of one layer and media type at t (bits/s). */
export function publishBitrate(p: ParticipantRecord, layer: Layer, media: MediaType, t: number): number {
  const bad = impairment(p.network, t);
  const key = `${p.participantId}/bitrate/${layer}/${media}`;
  if (media === 'audio') return Math.round(AUDIO_BITRATE * (1 - bad * 0.3) * jitter(key, t, 0.02));
  // Until congestion control reacts, the encoder keeps its rate and the retransmissions come on top.
  const factor = inBurst(p.network, t) ? BURST_FACTOR : Math.max(0.08, 1 - bad);
  return Math.round(VIDEO_LAYERS[layer].bitrate * factor * jitter(key, t));
}

/** PublishResolution of a video layer: the encoder steps down when the link cannot carry the layer. */
export function publishResolution(p: ParticipantRecord, layer: Layer, t: number): number {
  const full = VIDEO_LAYERS[layer].resolution;
  const bad = impairment(p.network, t);
  if (bad >= 0.6) return Math.max(180, Math.round(full / 2));
  if (bad >= 0.3) return Math.max(180, Math.round((full * 2) / 3));
  return full;
}

export function publishFramerate(p: ParticipantRecord, t: number): number {
  const bad = impairment(p.network, t);
  return Math.round(FRAMERATE * Math.max(0.3, 1 - bad * 0.7) * jitter(`${p.participantId}/fps`, t, 0.03) * 10) / 10;
}

/** Percent of packets lost downloading from IVS. */
export function downloadPacketLoss(p: ParticipantRecord, t: number): number {
  const bad = impairment(p.network, t);
  return round2(0.2 * jitter(`${p.participantId}/loss`, t, 0.5) + bad * 9);
}

/** Percent of received video frames dropped. */
export function droppedFrames(p: ParticipantRecord, t: number): number {
  const bad = impairment(p.network, t);
  return round2(0.5 * jitter(`${p.participantId}/dropped`, t, 0.6) + bad * 18);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
