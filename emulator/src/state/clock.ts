// The emulator's semantic clock: real time plus an offset that tests and the control API can advance, so
// session idle timeouts, reconnect windows, token and credential expiry can be exercised without waiting.
// SigV4 clock-skew checks and the Date header use real time, never this clock.
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward.');
    this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }
}
