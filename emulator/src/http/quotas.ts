// AWS's API rate limits: a token bucket per operation, account and region, at the documented rates (reference
// README §7: 50 TPS for CreateParticipantToken, 10 for the tag operations, 3 for the public-key operations, 5 for
// everything else; none can be raised). On by default, so the console's polling meets the limits it will meet on AWS.
import { ServiceError } from '../errors.ts';

const TAG_OPERATIONS = ['TagResource', 'UntagResource', 'ListTagsForResource'];
const PUBLIC_KEY_OPERATIONS = ['ImportPublicKey', 'GetPublicKey', 'ListPublicKeys', 'DeletePublicKey'];

/** Requests per second allowed for `operation` in one account and region. */
export function operationRate(operation: string): number {
  if (operation === 'CreateParticipantToken') return 50;
  if (TAG_OPERATIONS.includes(operation)) return 10;
  if (PUBLIC_KEY_OPERATIONS.includes(operation)) return 3;
  // AWS is silent on the replication operations (the quota page does not list them); we give them the 5 TPS of
  // the other stage and participant operations.
  return 5;
}

/** AWS is silent on burst sizes for these quotas; a bucket holds one second's worth, so a burst equals the rate. */
export const operationBurst = operationRate;

export type BucketLevel = { accountId: string; region: string; operation: string; rate: number; burst: number; tokens: number; throttled: number };

type Bucket = { tokens: number; at: number; throttled: number };

/**
 * The throttle answer. ThrottlingException is not an error shape of the IVS model: AWS's front door sends it with
 * HTTP 429, `x-amzn-ErrorType: ThrottlingException` and a `{"message": "Rate exceeded"}` body, which every SDK
 * retries with its throttling backoff (reference README §3). AWS is silent on Retry-After here; we send none.
 */
export function throttlingError(): ServiceError {
  return new ServiceError('ThrottlingException', 429, 'Rate exceeded', 'gateway');
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  enabled: boolean;
  private readonly now: () => number;

  /** `now` is wall time in ms (performance.now by default): rates are about real request spacing, not the semantic clock. */
  constructor(opts: { enabled?: boolean; now?: () => number } = {}) {
    this.enabled = opts.enabled ?? true;
    this.now = opts.now ?? (() => performance.now());
  }

  /** Takes one token for the request, or throws ThrottlingException when the bucket is empty. */
  take(operation: string, accountId: string, region: string): void {
    if (!this.enabled) return;
    const b = this.refill(operation, accountId, region);
    if (b.tokens < 1) {
      b.throttled += 1;
      throw throttlingError();
    }
    b.tokens -= 1;
  }

  /** Every bucket used so far, refilled to this moment. */
  levels(): BucketLevel[] {
    const out: BucketLevel[] = [];
    for (const key of [...this.buckets.keys()].sort()) {
      const [accountId, region, operation] = key.split('|');
      const b = this.refill(operation, accountId, region);
      out.push({ accountId, region, operation, rate: operationRate(operation), burst: operationBurst(operation), tokens: Math.round(b.tokens * 1000) / 1000, throttled: b.throttled });
    }
    return out;
  }

  /** Total requests throttled since start (or the last reset). */
  get throttled(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.throttled;
    return n;
  }

  /** Fills every bucket and zeroes the counts. */
  reset(): void {
    this.buckets.clear();
  }

  private refill(operation: string, accountId: string, region: string): Bucket {
    const key = `${accountId}|${region}|${operation}`;
    const now = this.now();
    const burst = operationBurst(operation);
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: burst, at: now, throttled: 0 };
      this.buckets.set(key, b);
      return b;
    }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * operationRate(operation));
    b.at = now;
    return b;
  }
}
