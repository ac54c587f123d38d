/** Seconds the rate looks back over: long enough to smooth bursts, short enough to follow load. */
const windowSeconds = 10;

/**
 * How fast runs are ending here, counted in one-second buckets over the last ten seconds, so a
 * 429's Retry-After says when the queue will have room at the pace it is actually draining.
 */
export class DrainRate {
  private readonly buckets = new Array<number>(windowSeconds).fill(0);
  private second = 0;

  constructor(private readonly now: () => number) {}

  ended(): void {
    this.advance();
    this.buckets[this.second % windowSeconds]!++;
  }

  /** Runs ended per second over the window; 0 when none ended in it. */
  perSecond(): number {
    this.advance();
    return this.buckets.reduce((a, b) => a + b, 0) / windowSeconds;
  }

  /**
   * Whole seconds until `excess` more runs have ended at the current pace, at least 1; with
   * nothing ending lately the window's length (the soonest the pace can be known again).
   */
  secondsFor(excess: number): number {
    const rate = this.perSecond();
    if (rate === 0) return windowSeconds;
    return Math.max(1, Math.ceil(excess / rate));
  }

  private advance(): void {
    const second = Math.floor(this.now() / 1000);
    if (second === this.second) return;
    const gap = Math.min(second - this.second, windowSeconds);
    for (let i = 1; i <= gap; i++) this.buckets[(this.second + i) % windowSeconds] = 0;
    this.second = second;
  }
}
