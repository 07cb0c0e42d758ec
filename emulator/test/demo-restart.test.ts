// The demo scenario started again on a data file that already holds it adopts its stages instead of creating a
// second copy, and carries on (its live timer re-joins adopted participants with new tokens).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListParticipantReplicasCommand, ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, describe, expect, it } from 'vitest';
import { startScenario } from '../src/scenarios/index.ts';
import { startEmulator, type TestEmulator } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'greenroom-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stageNames(t: TestEmulator, region: string): Promise<string[]> {
  return ((await t.ivs(region).send(new ListStagesCommand({ maxResults: 100 }))).stages ?? []).map((s) => s.name ?? '').sort();
}

async function runDemo(dataFile: string) {
  const t = await startEmulator({ dataFile, sessionIdleMs: 600_000 });
  const demo = await startScenario('demo', { url: t.url, emulator: t.emulator, seed: 7 });
  return { t, demo };
}

describe('demo scenario on a data file', () => {
  it('a restart keeps one copy of the demo stages, its participants and its replication', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await runDemo(dataFile);
    const east = await stageNames(first.t, 'us-east-1');
    const west = await stageNames(first.t, 'us-west-2');
    expect(east).toEqual(['friday-live-greenroom', 'friday-live-main', 'rehearsal-empty', 'sports-desk']);
    expect(west).toEqual(['west-coast-news', 'west-watch-party']);
    const sessionsBefore = first.t.emulator.world.backend(first.t.emulator.accountId, 'us-east-1')?.sessions.size;
    first.demo.stop();
    await first.t.stop();

    const second = await runDemo(dataFile);
    try {
      expect(await stageNames(second.t, 'us-east-1')).toEqual(east);
      expect(await stageNames(second.t, 'us-west-2')).toEqual(west);
      // No new sessions were started for the adopted stages, and the replication is still the one.
      expect(second.t.emulator.world.backend(second.t.emulator.accountId, 'us-east-1')?.sessions.size).toBe(sessionsBefore);
      const backend = second.t.emulator.world.backend(second.t.emulator.accountId, 'us-east-1');
      const main = [...(backend?.stages.values() ?? [])].find((s) => s.name === 'friday-live-main');
      const host = backend?.sessions.get(main?.activeSessionId ?? '')?.participants.find((p) => p.userId === 'host-maya.okafor');
      const replicas = await second.t.ivs().send(new ListParticipantReplicasCommand({ sourceStageArn: main?.arn ?? '', participantId: host?.participantId ?? '' }));
      expect(replicas.replicas?.filter((r) => r.replicationState === 'ACTIVE')).toHaveLength(1);
    } finally {
      second.demo.stop();
      await second.t.stop();
    }
  });
});
