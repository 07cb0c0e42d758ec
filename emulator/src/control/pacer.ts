// Client-side pacing for the emulator's own callers (contract tests, e2e set-up, scenarios, benches): a token bucket
// per region and operation, a little under the emulator's rate limits, so arranging data never meets a
// ThrottlingException and a throttle in a test run means the code under test went over the limit.
import type { IVSRealTimeClient } from '@aws-sdk/client-ivs-realtime';
import { operationBurst, operationRate } from '../http/quotas.ts';

// Headroom for requests that leave together but arrive apart: one token of the burst and a tenth of the rate.
const RATE_SHARE = 0.9;

export class Pacer {
  private buckets = new Map<string, { tokens: number; at: number }>();

  /** Resolves when one more `operation` call in `region` stays within the limits; calls queue in order. */
  async wait(region: string, operation: string): Promise<void> {
    const rate = operationRate(operation) * RATE_SHARE;
    const burst = Math.max(1, operationBurst(operation) - 1);
    const key = `${region}|${operation}`;
    const now = performance.now();
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    b.tokens -= 1;
    this.buckets.set(key, b);
    // A negative level is a reservation: this call waits until its token has accrued.
    if (b.tokens < 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil((-b.tokens / rate) * 1000)));
  }
}

/** Makes every command sent through `client` wait for `pacer` first (before signing, so the signature is fresh). */
export function paceClient<T extends IVSRealTimeClient>(client: T, pacer: Pacer): T {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const region = await client.config.region();
      await pacer.wait(region, context.commandName?.replace(/Command$/, '') ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'greenroomPacer' },
  );
  return client;
}
