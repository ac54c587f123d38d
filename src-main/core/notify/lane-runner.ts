import type { Clock } from '../clock';
import type { Timer, TimerHandle } from '../timer';

/**
 * One channel's delivery loop: it runs a pass when kicked or when its timer fires, and sleeps
 * until the time the pass says the channel's next row is ready. Each channel has its own, so a
 * slow or rate-limited provider never holds the others back, and waiting costs one armed timer.
 */
export class LaneRunner {
  private wake: TimerHandle | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    readonly channel: string,
    private readonly d: {
      timer: Timer;
      clock: Clock;
      /** One pass: delivers what is ready; returns when the next row will be (undefined: nothing pending). */
      run(channel: string): Promise<number | undefined>;
      onError(err: unknown): void;
    },
  ) {}

  /** Something changed (a row written, a pause ended): look again now. */
  kick(): void {
    if (this.stopped) return;
    if (this.pass) this.again = true;
    else this.arm(0);
  }

  /** The pass under way, if any (tests wait on it while a provider answers over real HTTP). */
  get busy(): Promise<void> | undefined {
    return this.pass;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.cancel();
    this.wake = undefined;
    await this.pass;
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.wake?.cancel();
    this.wake = this.d.timer.after(ms, () => this.tick(), { unref: true });
  }

  private tick(): void {
    this.wake = undefined;
    if (this.pass) {
      this.again = true;
      return;
    }
    let next: number | undefined;
    this.pass = (async () => {
      do {
        this.again = false;
        next = await this.d.run(this.channel);
      } while (this.again && !this.stopped);
    })()
      .catch((err: unknown) => {
        next = undefined;
        this.d.onError(err);
      })
      .finally(() => {
        this.pass = undefined;
        // nothing pending: the service's poll or the next row written kicks it again
        if (next !== undefined) this.arm(Math.max(0, next - this.d.clock.now()));
      });
  }
}
