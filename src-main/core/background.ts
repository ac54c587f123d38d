/**
 * Work that runs for as long as a long-lived transport does (the desktop app, `levqor serve`,
 * a worker): schedulers, sync loops, monitors. Services register here when core is created;
 * nothing starts until the transport calls `start()`, so one-shot CLI commands never keep
 * the process alive.
 */
export interface BackgroundTask {
  name: string;
  /** Starts the task and returns how to stop it. */
  start(): (() => void | Promise<void>) | void;
}

export class Background {
  private readonly tasks: BackgroundTask[] = [];
  private readonly stops: Array<{ name: string; stop: () => void | Promise<void> }> = [];
  private started = false;

  register(task: BackgroundTask): void {
    this.tasks.push(task);
    if (this.started) this.launch(task);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const task of this.tasks) this.launch(task);
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const { stop } of this.stops.splice(0).reverse()) await stop();
  }

  /** For close(): asks every task to stop at once, without waiting for any of them. */
  stopNow(): void {
    this.started = false;
    for (const { stop } of this.stops.splice(0).reverse()) void stop();
  }

  get running(): boolean {
    return this.started;
  }

  private launch(task: BackgroundTask): void {
    const stop = task.start();
    if (stop) this.stops.push({ name: task.name, stop });
  }
}
