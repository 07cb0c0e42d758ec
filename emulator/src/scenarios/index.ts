// Scenarios: what the emulator holds and does after it starts.
import type { Emulator } from '../server.ts';
import { startDemo } from './demo.ts';
import { startLarge } from './large.ts';

export const SCENARIOS = ['demo', 'quiet', 'large'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export type ScenarioEnv = { url: string; emulator: Emulator; seed: number };
export type RunningScenario = { stop(): void };

export async function startScenario(name: ScenarioName, env: ScenarioEnv): Promise<RunningScenario> {
  switch (name) {
    case 'quiet':
      // Empty: tests drive everything themselves.
      return { stop() {} };
    case 'demo':
      return startDemo(env);
    case 'large':
      return startLarge(env);
  }
}
