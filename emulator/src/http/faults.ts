// Fault injection per operation and region: added latency, throttling and 5xx at a seeded rate, so the app's
// resilience can be tested deterministically, and any one modelled error on demand. Set through the control API.
import { checkErrorType, listsError, modelledError } from './fault-errors.ts';
import { ServiceError } from '../errors.ts';

export type FaultRule = {
  /** Operation name (e.g. "ListStages", "GetId"); absent = every operation. */
  operation?: string;
  /** Region; absent = every region. */
  region?: string;
  latencyMs?: number;
  /** 0..1: share of matching requests answered with 429 ThrottlingException. */
  throttleRate?: number;
  /** 0..1: share of matching requests answered with 500 InternalServerException. */
  errorRate?: number;
  /** Fail exactly the next N matching requests (after rates are drawn): with errorStatus or throttling. */
  failNext?: number;
  errorStatus?: 500 | 503 | 429;
  /**
   * One modelled error to inject instead of errorStatus (e.g. "ConflictException"): with failNext or errorRate it
   * is what those inject; with neither, every matching request fails with it. It must be an error the model lists
   * for `operation`; a rule without `operation` applies only to the operations whose model lists it.
   */
  errorType?: string;
  /**
   * Fail after the operation has run instead of before: its change is made and kept, but the caller gets the
   * failure, as when an answer is lost on its way back. Tests what a client does when a write may have happened.
   */
  after?: boolean;
};

export type FaultsConfig = { seed?: number; rules: FaultRule[] };

/** mulberry32: small, seeded, good enough to spread failures reproducibly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: () => number = rng(1);

  set(config: FaultsConfig): void {
    for (const r of config.rules) {
      for (const k of ['throttleRate', 'errorRate'] as const) {
        const v = r[k];
        if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1)) throw new RangeError(`${k} must be a number from 0 to 1.`);
      }
      if (r.latencyMs !== undefined && (typeof r.latencyMs !== 'number' || r.latencyMs < 0 || r.latencyMs > 60_000)) {
        throw new RangeError('latencyMs must be a number from 0 to 60000.');
      }
      if (r.failNext !== undefined && (!Number.isInteger(r.failNext) || r.failNext < 0)) throw new RangeError('failNext must be a whole number.');
      if (r.after !== undefined && typeof r.after !== 'boolean') throw new RangeError('after must be true or false.');
      if (r.after && r.latencyMs !== undefined) throw new RangeError('latencyMs applies before an operation runs; give it in a rule without after.');
      if (r.errorType !== undefined) {
        if (r.errorStatus !== undefined) throw new RangeError('Give errorType or errorStatus, not both.');
        checkErrorType(r.errorType, r.operation);
      }
    }
    this.rules = config.rules.map((r) => ({ ...r }));
    this.random = rng(config.seed ?? 1);
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Waits out any injected latency, then throws the injected failure, if any, for this request. */
  async apply(operation: string, region: string, style: 'modelled' | 'json11'): Promise<void> {
    const matching = this.matching(operation, region, false);
    if (matching.length === 0) return;
    const latency = Math.max(0, ...matching.map((r) => r.latencyMs ?? 0));
    if (latency > 0) await new Promise((res) => setTimeout(res, latency));
    this.failIfDue(matching, operation, style);
  }

  /** Throws the failure, if any, of the rules marked `after`, once the operation has run and changed the state. */
  applyAfter(operation: string, region: string, style: 'modelled' | 'json11'): void {
    const matching = this.matching(operation, region, true);
    if (matching.length) this.failIfDue(matching, operation, style);
  }

  private matching(operation: string, region: string, after: boolean): FaultRule[] {
    return this.rules.filter(
      (r) =>
        !!r.after === after &&
        (!r.operation || r.operation === operation) &&
        (!r.region || r.region === region) &&
        (!r.errorType || listsError(operation, r.errorType)),
    );
  }

  private failIfDue(matching: FaultRule[], operation: string, style: 'modelled' | 'json11'): void {
    for (const r of matching) {
      const fail = () => (r.errorType ? modelledError(operation, r.errorType, style) : this.failure(r.errorStatus ?? 500, style));
      if (r.failNext && r.failNext > 0) {
        r.failNext -= 1;
        throw fail();
      }
      if (r.throttleRate && this.random() < r.throttleRate) throw this.failure(429, style);
      if (r.errorRate && this.random() < r.errorRate) throw fail();
      if (r.errorType && r.failNext === undefined && r.errorRate === undefined && r.throttleRate === undefined) throw fail();
    }
  }

  private failure(status: number, style: 'modelled' | 'json11'): ServiceError {
    if (status === 429) {
      // Throttling is not a modelled IVS error: the front door sends it with a `message` body.
      const code = style === 'json11' ? 'TooManyRequestsException' : 'ThrottlingException';
      return new ServiceError(code, 429, 'Rate exceeded', style === 'json11' ? 'json11' : 'gateway');
    }
    if (style === 'json11') return new ServiceError('InternalErrorException', 500, 'An internal error occurred (injected fault).', 'json11');
    if (status === 503) return new ServiceError('ServiceUnavailableException', 503, 'Service unavailable (injected fault).', 'gateway');
    return new ServiceError('InternalServerException', 500, 'An internal error occurred (injected fault).');
  }
}
