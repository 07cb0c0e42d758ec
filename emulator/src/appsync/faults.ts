// Faults on the emulator's event stream, so the console's handling of best-effort delivery can be tested: AWS says
// IVS events may be missing, late, out of order, and EventBridge may retry (duplicates). They act on each event
// between its publication and its delivery, the same for every subscriber (as a lost EventBridge event is lost for
// everyone). A seeded random source makes the rates repeatable.

export type PushFaultsConfig = {
  /** Drop this many next events (counts down). */
  dropNext?: number;
  /** Chance (0..1) that an event is dropped. */
  dropRate?: number;
  /** Delay every delivery by this many ms. */
  delayMs?: number;
  /** Chance (0..1) that an event is delivered twice. */
  duplicateRate?: number;
  /** Hold this many events, then deliver them newest-first (0 or 1: off). */
  reorderWindow?: number;
  /** Refuse new WebSocket connections (HTTP 503 on the upgrade). */
  refuseConnections?: boolean;
  /** Seed of the random source for the rates; the same seed gives the same drops and duplicates. */
  seed?: number;
};

/** What GET and PUT answer: every fault with its current value (dropNext as what is left of it). */
export type PushFaultsState = Required<PushFaultsConfig> & { held: number };

const KEYS = new Set(['dropNext', 'dropRate', 'delayMs', 'duplicateRate', 'reorderWindow', 'refuseConnections', 'seed']);
const DEFAULT_SEED = 1;
// A delay beyond a minute would outlive most tests and every client's keep-alive watchdog: a mistake, not a fault.
const MAX_DELAY_MS = 60_000;
const MAX_REORDER_WINDOW = 1000;

/** The same generator as the scenarios' (mulberry32): small, fast and repeatable from a 32-bit seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks a fault setting from the control API; throws a RangeError naming the first bad member. */
export function checkPushFaults(raw: unknown): PushFaultsConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new RangeError('The push faults must be a JSON object such as {"dropRate":0.5,"seed":7}.');
  const c = raw as Record<string, unknown>;
  const unknown = Object.keys(c).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) throw new RangeError(`Unknown push fault ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}; the faults are ${[...KEYS].join(', ')}.`);
  const whole = (k: string, max: number) => {
    const v = c[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)) throw new RangeError(`${k} must be a whole number from 0 to ${max}.`);
  };
  const rate = (k: string) => {
    const v = c[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)) throw new RangeError(`${k} must be a number from 0 to 1.`);
  };
  whole('dropNext', 1_000_000);
  rate('dropRate');
  whole('delayMs', MAX_DELAY_MS);
  rate('duplicateRate');
  whole('reorderWindow', MAX_REORDER_WINDOW);
  whole('seed', 0xffffffff);
  if (c.refuseConnections !== undefined && typeof c.refuseConnections !== 'boolean') throw new RangeError('refuseConnections must be true or false.');
  return c as PushFaultsConfig;
}

export class PushFaults {
  private config: Required<PushFaultsConfig> = PushFaults.none();
  private random = mulberry32(DEFAULT_SEED);
  private held: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  dropped = 0;

  private static none(): Required<PushFaultsConfig> {
    return { dropNext: 0, dropRate: 0, delayMs: 0, duplicateRate: 0, reorderWindow: 0, refuseConnections: false, seed: DEFAULT_SEED };
  }

  /** Replaces every fault (an absent member is off); events held for reordering are delivered first. */
  set(raw: unknown): PushFaultsState {
    const c = checkPushFaults(raw);
    this.flush();
    this.config = { ...PushFaults.none(), ...c };
    this.random = mulberry32(this.config.seed);
    return this.state();
  }

  /** Turns every fault off; events held for reordering are delivered now, in the order they were held. */
  clear(): PushFaultsState {
    this.flush();
    this.config = PushFaults.none();
    this.random = mulberry32(DEFAULT_SEED);
    return this.state();
  }

  state(): PushFaultsState {
    return { ...this.config, held: this.held.length };
  }

  get refuseConnections(): boolean {
    return this.config.refuseConnections;
  }

  /** Sends one published event on its way through the faults; `deliver` fans it out to the subscribers. */
  route(deliver: () => void): void {
    const c = this.config;
    if (c.dropNext > 0) {
      c.dropNext -= 1;
      this.dropped += 1;
      return;
    }
    if (c.dropRate > 0 && this.random() < c.dropRate) {
      this.dropped += 1;
      return;
    }
    const copies = c.duplicateRate > 0 && this.random() < c.duplicateRate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      if (c.reorderWindow > 1) {
        this.held.push(deliver);
        if (this.held.length >= c.reorderWindow) {
          const batch = this.held.reverse();
          this.held = [];
          for (const d of batch) this.later(d);
        }
      } else {
        this.later(deliver);
      }
    }
  }

  /** Cancels the delayed deliveries (the emulator is closing). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.held = [];
  }

  private flush(): void {
    const batch = this.held;
    this.held = [];
    for (const d of batch) d();
  }

  private later(deliver: () => void): void {
    if (this.config.delayMs <= 0) {
      deliver();
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      deliver();
    }, this.config.delayMs);
    this.timers.add(t);
  }
}
