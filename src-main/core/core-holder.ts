import type { Background } from './background';
import type { Logger } from './logger';

/** What a holder needs of a core (createCore's Core; kept apart so this file does not import it). */
export interface HeldCore {
  readonly background: Background;
  readonly log: Logger;
  close(): void;
}

/**
 * What a restore needs of whoever holds the core (levqor serve, the desktop app, the CLI):
 * stop its background work (nothing writes after the live data is backed up), start it again
 * when the restore fails before its swap, and restart: close the core, call `swap`, open a new
 * core on the swapped-in data, and rebind what held the old one. When `swap` throws, the new
 * core opens on the data that was live, and `restart` rejects with that error.
 */
export interface CoreRestart {
  stopBackground(): void;
  resumeBackground(): void;
  restart(swap: () => void): Promise<void>;
}

/** Something built on the current core (a dispatcher, an HTTP server, IPC, the tray): let go of it before a restart, bind the new one after. */
export interface CoreBinding<C extends HeldCore> {
  release(): void | Promise<void>;
  bind(core: C): void | Promise<void>;
}

/**
 * Owns "the current core" of a process (the CLI, levqor serve, the desktop app) and restarts it
 * in place when a restore of the app's data swaps the database: what held the old core lets go,
 * the old core closes, the swap runs, a new core opens (its background started again if it ran)
 * and everything is bound to it, without the process exiting. Readers take `holder.core` each
 * time instead of keeping a core.
 */
export class CoreHolder<C extends HeldCore> implements CoreRestart {
  private current: C | undefined;
  private readonly bindings: Array<CoreBinding<C>> = [];
  private backgroundWanted = false;

  constructor(private readonly open: (restart: CoreRestart) => C) {}

  /** The current core, opened on first use. */
  get core(): C {
    return (this.current ??= this.open(this));
  }

  /** The current core if one is open (closing a process that never opened one opens none). */
  get opened(): C | undefined {
    return this.current;
  }

  /** Binds now and after every restart; released before each. */
  bind(binding: CoreBinding<C>): Promise<void> | void {
    this.bindings.push(binding);
    return binding.bind(this.core);
  }

  /** Starts the background work of this core and of every core after a restart (long-lived processes). */
  startBackground(): void {
    this.backgroundWanted = true;
    this.core.background.start();
  }

  stopBackground(): void {
    this.current?.background.stopNow();
  }

  resumeBackground(): void {
    if (this.backgroundWanted) this.current?.background.start();
  }

  async restart(swap: () => void): Promise<void> {
    for (const b of [...this.bindings].reverse()) await b.release();
    this.current?.close();
    this.current = undefined;
    let failure: { err: unknown } | undefined;
    try {
      swap();
    } catch (err) {
      failure = { err };
    }
    const core = this.core;
    core.log.info({ swapped: failure === undefined }, 'core restarted after a restore of the app data');
    if (this.backgroundWanted) core.background.start();
    try {
      for (const b of this.bindings) await b.bind(core);
    } catch (err) {
      // the restore's own outcome is already written; this is the one place that knows why the process lost its server or window
      core.log.error({ err: err instanceof Error ? err.message : String(err) }, 'could not bind to the restarted core');
      throw err;
    }
    if (failure) throw failure.err;
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
  }
}
