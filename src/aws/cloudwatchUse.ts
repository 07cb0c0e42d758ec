// CloudWatch use per region over the last minute, from the request meter's samples, for the diagnostics panel.
// Apart from requestMeter.ts so that it loads with the panel, not with the first visit.
import { requestsSince } from './requestMeter';

export type CloudWatchUse = { region: string; calls: number; metrics: number; byOperation: Record<string, number> };

/** CloudWatch calls and the metrics they asked for over the last `windowMs`, per region, scaled to a minute. */
export function cloudWatchUseOver(windowMs: number, now = Date.now()): CloudWatchUse[] {
  const byRegion = new Map<string, CloudWatchUse>();
  for (const s of requestsSince(now - windowMs)) {
    if (s.service !== 'cloudwatch') continue;
    const u = byRegion.get(s.region) ?? { region: s.region, calls: 0, metrics: 0, byOperation: {} };
    u.calls += 1;
    u.metrics += s.metrics ?? 0;
    u.byOperation[s.operation] = (u.byOperation[s.operation] ?? 0) + 1;
    byRegion.set(s.region, u);
  }
  const scale = 60_000 / windowMs;
  return [...byRegion.values()]
    .map((u) => ({
      region: u.region,
      calls: u.calls * scale,
      metrics: u.metrics * scale,
      byOperation: Object.fromEntries(Object.entries(u.byOperation).map(([k, v]) => [k, v * scale])),
    }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

