import type { Clock } from '../../clock';
import type { RunStore } from '../store/run-store';
import { flushAfter, LostLease, type RunState } from './run-state';
import { runnerLimits } from './limits';

/**
 * One run's transition waiting for the group commit. `write` runs inside the shared
 * transaction; it may throw LostLease only before it has written anything.
 */
interface Job {
  write: () => void;
  done: () => void;
  fail: (err: unknown) => void;
}

export interface GroupCommitDeps {
  runs: RunStore;
  clock: Clock;
  owner: string;
}

/**
 * Group commit: a transition resolves once it is committed, in one transaction with every
 * other transition queued in the same tick (the runs driven here advance together, so a
 * commit is shared instead of paid per step). Nobody acts on a transition before that:
 * the step runs, and the run is reported, only when the promise resolves.
 */
export class GroupCommit {
  /** Transitions of all runs driven here, committed together once the current tick's work is done. */
  private jobs: Job[] = [];
  private flushArmed = false;
  /**
   * Queue mode: copies a run's committed rows to the shared store before the run acts on
   * them, so a worker that dies leaves nothing acted on that another worker cannot see.
   * Throws LostLease when the shared store says the run is no longer ours.
   */
  afterCommit: ((runId: string) => Promise<void>) | undefined;

  constructor(
    private readonly d: GroupCommitDeps,
    private readonly txImmediate: <T>(fn: () => T) => T,
  ) {}

  /** Writes the queued transitions with the lease check (group commit), then emits. */
  async commit(d: RunState): Promise<void> {
    const writes = d.writes;
    d.writes = [];
    const insert = d.insert;
    await this.enqueue(() => {
      // a run inserted by this very commit is ours by construction: nothing to check
      if (insert) this.d.runs.insertRun(insert);
      else this.holdLease(d);
      for (const w of writes) w();
    });
    d.insert = undefined;
    if (this.afterCommit) await this.afterCommit(d.run.id);
    flushAfter(d);
  }

  /**
   * Inside a commit: throws LostLease (before anything is written) when the run is no
   * longer ours, and notes a cancel asked by another process.
   */
  private holdLease(d: RunState): void {
    const now = this.d.clock.now();
    // renew the lease when a third of it is used; otherwise only check it (no page write)
    const renew = d.leaseUntil - now < (runnerLimits.leaseMs * 2) / 3;
    const lease = renew ? this.d.runs.touch(d.run.id, this.d.owner, now + runnerLimits.leaseMs, now) : this.d.runs.check(d.run.id, this.d.owner);
    if (!lease) throw new LostLease(`run ${d.run.id} is no longer ours`);
    if (renew) d.leaseUntil = now + runnerLimits.leaseMs;
    if (lease.cancel) d.cancel = true;
  }

  /** Queues one transition for the next group commit; resolves once it is committed. */
  enqueue(write: () => void): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.jobs.push({ write, done, fail });
      if (!this.flushArmed) {
        this.flushArmed = true;
        // after the current microtasks: every run that can reach its next commit this tick has
        process.nextTick(() => this.flush());
      }
    });
  }

  flush(): void {
    this.flushArmed = false;
    const jobs = this.jobs;
    this.jobs = [];
    if (jobs.length === 0) return;
    const lost: [Job, unknown][] = [];
    try {
      this.txImmediate(() => {
        for (const job of jobs) {
          try {
            job.write();
          } catch (err) {
            // the job wrote nothing (see Job): the others commit
            if (!(err instanceof LostLease)) throw err;
            lost.push([job, err]);
          }
        }
      });
    } catch {
      // a write failed: redo each alone, so that only the one at fault fails
      for (const job of jobs) {
        try {
          this.txImmediate(job.write);
          job.done();
        } catch (err) {
          job.fail(err);
        }
      }
      return;
    }
    const failed = new Set(lost.map(([job]) => job));
    for (const [job, err] of lost) job.fail(err);
    for (const job of jobs) if (!failed.has(job)) job.done();
  }
}
