// Whether a participant's client can report CloudWatch metrics at all, from what it told IVS about itself. AWS's
// monitoring page names the first reporting versions twice and differently: "Web 1.5.0+, Android 1.12.0+, iOS
// 1.12.0+" where it explains access, "Web Broadcast SDK 1.5.2+" above the metric table. A Web SDK from 1.5.0 to
// 1.5.1 may or may not report. Publishers without a broadcast SDK (RTMP, WHIP encoders) report: AWS documents
// PublishFramerate for RTMP publishers only. AWS is silent on what Platform a client without browser or OS
// details counts as; those are not judged here.
import type { Participant } from '../../../aws/types';

export type SdkPlatform = 'Web' | 'Android' | 'iOS';
export type SdkSupport =
  | { kind: 'reports' }
  | { kind: 'unknown' }
  | { kind: 'too-old'; platform: SdkPlatform; version: string; minimum: string }
  | { kind: 'maybe'; platform: SdkPlatform; version: string; minimum: string; documented: string };

const MINIMUM: Record<SdkPlatform, { sure: string; earliest: string }> = {
  Web: { sure: '1.5.2', earliest: '1.5.0' },
  Android: { sure: '1.12.0', earliest: '1.12.0' },
  iOS: { sure: '1.12.0', earliest: '1.12.0' },
};

/** Numeric parts of a version ("1.5.2-rc1" → [1, 5, 2]), or undefined when it does not start with one. */
function parts(version: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

export function compareVersions(a: string, b: string): number | undefined {
  const x = parts(a);
  const y = parts(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

export function platformOf(p: Pick<Participant, 'browserName' | 'osName'>): SdkPlatform | undefined {
  if (p.browserName) return 'Web';
  if (/android/i.test(p.osName ?? '')) return 'Android';
  if (/\b(ios|ipados|iphone|ipad)\b/i.test(p.osName ?? '')) return 'iOS';
  return undefined;
}

export function sdkSupport(p: Pick<Participant, 'browserName' | 'osName' | 'sdkVersion' | 'protocol'>): SdkSupport {
  if (p.protocol === 'RTMP' || p.protocol === 'RTMPS' || p.protocol === 'WHIP') return { kind: 'reports' };
  const platform = platformOf(p);
  if (!platform || !p.sdkVersion) return { kind: 'unknown' };
  const { sure, earliest } = MINIMUM[platform];
  const toEarliest = compareVersions(p.sdkVersion, earliest);
  if (toEarliest === undefined) return { kind: 'unknown' };
  if (toEarliest < 0) return { kind: 'too-old', platform, version: p.sdkVersion, minimum: earliest };
  if ((compareVersions(p.sdkVersion, sure) ?? 0) < 0) return { kind: 'maybe', platform, version: p.sdkVersion, minimum: sure, documented: earliest };
  return { kind: 'reports' };
}
