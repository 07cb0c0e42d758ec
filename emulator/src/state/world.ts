// All emulated state: one RegionBackend per (account, region), created on first use, sharing one clock, one id
// source and one token signing key.
import { RegionBackend, type BackendSnapshot } from './backend.ts';
import type { StoreEvent } from './store.ts';
import type { Clock } from './clock.ts';
import { IdSource, type IdSnapshot } from './ids.ts';
import { TokenSigner, type TokenSnapshot } from './tokens.ts';

export type WorldOptions = {
  accountId: string;
  regions: string[];
  clock: Clock;
  /**
   * How long a stage must stay empty before its session ends. AWS is silent on the exact time (its guide says
   * a few minutes); we default to 60 s so demos look real and tests can shorten it.
   */
  sessionIdleMs?: number;
  /**
   * Most stages per account and region (CreateStage answers ServiceQuotaExceededException beyond it). AWS's
   * default is 100 but accounts raise it; we enforce it only when set, because the large scenario needs more.
   */
  stageQuota?: number;
  /** Seed of the id source: a seeded World hands out the same ids on every run. Random when absent. */
  seed?: string;
};

type WorldSnapshot = {
  version: 1;
  ids: IdSnapshot;
  signer: TokenSnapshot;
  backends: { accountId: string; region: string; state: BackendSnapshot }[];
};

export const DEFAULT_SESSION_IDLE_MS = 60_000;

export class World {
  readonly accountId: string;
  readonly regions: string[];
  readonly clock: Clock;
  readonly signer: TokenSigner;
  private readonly ids: IdSource;
  private readonly sessionIdleMs: number;
  private readonly stageQuota?: number;
  private readonly backends = new Map<string, RegionBackend>();
  private readonly listeners: (() => void)[] = [];
  private readonly eventListeners: ((e: StoreEvent) => void)[] = [];

  constructor(o: WorldOptions) {
    this.accountId = o.accountId;
    this.regions = [...o.regions];
    this.clock = o.clock;
    this.sessionIdleMs = o.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
    this.stageQuota = o.stageQuota;
    this.ids = new IdSource(o.seed);
    this.signer = new TokenSigner(`greenroom-${o.accountId}`);
  }

  /** The state of one account in one region; undefined for a region this emulator does not serve. */
  backend(accountId: string, region: string): RegionBackend | undefined {
    if (!this.regions.includes(region)) return undefined;
    const key = `${accountId}/${region}`;
    let b = this.backends.get(key);
    if (!b) {
      b = new RegionBackend({
        accountId,
        region,
        clock: this.clock,
        ids: this.ids,
        signer: this.signer,
        sessionIdleMs: this.sessionIdleMs,
        stageQuota: this.stageQuota,
        changed: () => this.emitChange(),
        onEvent: (e) => {
          for (const l of this.eventListeners) l(e);
        },
      });
      this.backends.set(key, b);
    }
    return b;
  }

  /** Every backend created so far. */
  allBackends(): RegionBackend[] {
    return [...this.backends.values()];
  }

  /** Runs due timers on every backend (the server calls it before each request and every second). */
  tick(): void {
    const now = this.clock.now();
    let changed = false;
    for (const b of this.backends.values()) if (b.tick(now)) changed = true;
    if (changed) this.emitChange();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Hears every participant event and recording change in every region, as it happens. */
  onEvent(listener: (e: StoreEvent) => void): void {
    this.eventListeners.push(listener);
  }

  private emitChange(): void {
    for (const l of this.listeners) l();
  }

  snapshot(): unknown {
    const s: WorldSnapshot = {
      version: 1,
      ids: this.ids.snapshot(),
      signer: this.signer.snapshot(),
      backends: [...this.backends.values()].map((b) => ({ accountId: b.accountId, region: b.region, state: b.snapshot() })),
    };
    // A deep copy, so later changes do not leak into a snapshot that is being written.
    return JSON.parse(JSON.stringify(s)) as unknown;
  }

  restore(snapshot: unknown): void {
    const s = snapshot as WorldSnapshot;
    if (typeof s !== 'object' || s === null || s.version !== 1 || !Array.isArray(s.backends)) {
      throw new Error('This is not a snapshot of the emulator state (version 1).');
    }
    this.ids.restore(s.ids);
    this.signer.restore(s.signer);
    this.backends.clear();
    for (const b of s.backends) {
      // State of a region that is no longer served is dropped rather than kept unreachable.
      this.backend(b.accountId, b.region)?.restore(b.state);
    }
  }
}
