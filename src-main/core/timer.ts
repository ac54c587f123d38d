import type { Clock, ManualClock } from './clock';

/**
 * Timeouts, injectable like the clock: the workflow runner (delays, retries, step timeouts,
 * approval expiry) and the scheduler arm their wake-ups here. Production uses real timers;
 * tests use ManualTimer, which fires due callbacks as a ManualClock moves, without sleeping.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface TimerOptions {
  /** true: this timer alone does not keep the process alive (heartbeats, lease renewal). */
  unref?: boolean;
}

export interface Timer {
  /** Calls fn once after ms (of the timer's clock). */
  after(ms: number, fn: () => void, options?: TimerOptions): TimerHandle;
}

/** setTimeout caps at 2^31-1 ms; longer waits re-arm. */
const maxTimeoutMs = 2_147_483_647;

export const realTimer: Timer = {
  after(ms, fn, options) {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (remaining: number) => {
      const step = Math.min(Math.max(0, remaining), maxTimeoutMs);
      handle = setTimeout(() => {
        if (cancelled) return;
        if (remaining > maxTimeoutMs) arm(remaining - maxTimeoutMs);
        else fn();
      }, step);
      if (options?.unref) handle.unref();
    };
    arm(ms);
    return {
      cancel: () => {
        cancelled = true;
        if (handle) clearTimeout(handle);
      },
    };
  },
};

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A timer driven by a ManualClock. `advance(ms)` walks the clock forward, stopping at each due
 * callback in time order (the clock reads that callback's due time while it runs), and lets
 * the async work each callback starts settle before the next one.
 */
export class ManualTimer implements Timer {
  private pending: Pending[] = [];
  private seq = 0;
  constructor(readonly clock: ManualClock) {}

  after(ms: number, fn: () => void): TimerHandle {
    const entry: Pending = { at: this.clock.now() + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.pending.push(entry);
    return { cancel: () => void (entry.cancelled = true) };
  }

  /** Callbacks not yet fired or cancelled. */
  get size(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  /** When the next callback is due, if any. */
  nextAt(): number | undefined {
    let best: number | undefined;
    for (const p of this.pending) if (!p.cancelled && (best === undefined || p.at < best)) best = p.at;
    return best;
  }

  /** Moves the clock by ms, firing every callback that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await settle();
    for (;;) {
      const next = this.takeNext(target);
      if (!next) break;
      if (next.at > this.clock.now()) this.clock.set(next.at);
      next.fn();
      await settle();
    }
    if (this.clock.now() < target) this.clock.set(target);
    await settle();
  }

  /** Fires whatever is due now (e.g. after the clock jumped by `clock.advance`). */
  async runDue(): Promise<void> {
    await this.advance(0);
  }

  private takeNext(limit: number): Pending | undefined {
    this.pending = this.pending.filter((p) => !p.cancelled);
    let best: Pending | undefined;
    for (const p of this.pending) {
      if (p.at > limit) continue;
      if (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = p;
    }
    if (best) best.cancelled = true;
    return best;
  }
}

/** Lets promise chains and I/O callbacks started by a timer callback run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function isManualClock(clock: Clock): clock is ManualClock {
  return typeof (clock as ManualClock).advance === 'function' && typeof (clock as ManualClock).set === 'function';
}
