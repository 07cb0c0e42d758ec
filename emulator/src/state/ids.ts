// Identifiers in the real formats, drawn from a seeded counter so a seeded World hands out the same ids on every
// run (scenarios and tests stay reproducible) and a restored World never repeats one.
import { createHash, randomBytes } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export type IdSnapshot = { seed: string; counter: number };

export class IdSource {
  private seed: string;
  private counter = 0;

  constructor(seed?: string) {
    this.seed = seed ?? randomBytes(16).toString('hex');
  }

  private draw(length: number, alphabet: string): string {
    this.counter += 1;
    let out = '';
    let block = 0;
    while (out.length < length) {
      const bytes = createHash('sha256').update(`${this.seed}:${this.counter}:${block++}`).digest();
      for (const b of bytes) {
        // Rejection sampling keeps every character equally likely.
        if (b < Math.floor(256 / alphabet.length) * alphabet.length) out += alphabet[b % alphabet.length];
        if (out.length === length) break;
      }
    }
    return out;
  }

  /** Stage ids are 12 alphanumerics. */
  stageId(): string {
    return this.draw(12, ALNUM);
  }

  /** Session ids are `st-` plus 13 alphanumerics (16 characters). */
  sessionId(): string {
    return `st-${this.draw(13, ALNUM)}`;
  }

  /** Participant ids are 12 alphanumerics. */
  participantId(): string {
    return this.draw(12, ALNUM);
  }

  /** The per-stage host label of the WHIP and RTMP(S) endpoints. */
  endpointHost(): string {
    return this.draw(12, LOWER_ALNUM);
  }

  snapshot(): IdSnapshot {
    return { seed: this.seed, counter: this.counter };
  }

  restore(s: IdSnapshot): void {
    this.seed = s.seed;
    this.counter = s.counter;
  }
}
