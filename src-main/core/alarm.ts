import type { Clock } from './clock';
import type { Timer, TimerHandle, TimerOptions } from './timer';

/**
 * One pending wake-up at a time on a Timer: setting it again replaces the one before, `clear`
 * cancels it, and `at` says when it goes off (undefined when nothing is pending). It forgets
 * itself as it goes off, before calling back, so the callback may set it again.
 */
export class Alarm {
  private handle: TimerHandle | undefined;
  private due: number | undefined;

  constructor(
    private readonly timer: Timer,
    private readonly clock: Clock,
  ) {}

  /** When the pending wake-up goes off; undefined when none is pending. */
  get at(): number | undefined {
    return this.due;
  }

  get pending(): boolean {
    return this.handle !== undefined;
  }

  /** Calls `fn` at time `at` of the clock (at once when that has passed). */
  setAt(at: number, fn: () => void, options?: TimerOptions): void {
    this.arm(Math.max(0, at - this.clock.now()), at, fn, options);
  }

  /** Calls `fn` after `ms`. */
  setIn(ms: number, fn: () => void, options?: TimerOptions): void {
    this.arm(ms, this.clock.now() + ms, fn, options);
  }

  clear(): void {
    this.handle?.cancel();
    this.handle = undefined;
    this.due = undefined;
  }

  private arm(ms: number, at: number, fn: () => void, options: TimerOptions | undefined): void {
    this.clear();
    this.due = at;
    this.handle = this.timer.after(
      ms,
      () => {
        this.handle = undefined;
        this.due = undefined;
        fn();
      },
      options,
    );
  }
}
