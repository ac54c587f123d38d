import type { RunDetail, RunResult, RunSummary } from '../../../shared/contract/workflows';
import { retriableRunStatuses } from '../../../shared/workflow';
import { CoreError } from '../errors';
import type { Runner } from './runner/runner';
import { RunQueries, toRunSummary, type RunFilter } from './store/run-queries';
import type { RunStore } from './store/run-store';

/** Runs for the API: list, show, resume, retry, cancel. */
export class RunService {
  constructor(
    private readonly runner: Runner,
    private readonly runs: RunStore,
    private readonly queries: RunQueries,
  ) {}

  list(filter: RunFilter): RunSummary[] {
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) throw new CoreError('BAD_INPUT', 'from: must not be after to', 'from');
    return this.queries.list(filter);
  }

  get(id: string): RunDetail {
    const detail = this.queries.detail(id);
    if (!detail) throw notFound(id);
    return detail;
  }

  /**
   * Takes over runs whose process is gone (kill -9, crash, power cut), fires due waits and
   * starts queued runs, here. With wait, returns when each has ended or parked.
   */
  async resume(wait = false): Promise<RunResult[]> {
    const taken = await this.runner.pump();
    if (wait) await Promise.all(taken.map((id) => this.runner.waitSettled(id)));
    else await Promise.resolve();
    return taken.map((id) => this.runner.result(id)).filter((r): r is RunResult => r !== undefined);
  }

  async retry(id: string, wait = false): Promise<RunResult> {
    const run = this.runs.getRun(id);
    if (!run) throw notFound(id);
    if (!retriableRunStatuses.has(run.status)) {
      throw new CoreError('CONFLICT', `id: run ${id} is ${run.status}; only a failed, rejected or cancelled run can be retried`, 'id');
    }
    if (!this.runner.retry(id)) throw new CoreError('CONFLICT', `id: run ${id} changed meanwhile; try again`, 'id');
    if (wait) await this.runner.waitSettled(id);
    return this.runner.result(id) as RunResult;
  }

  async cancel(id: string): Promise<RunSummary> {
    const run = await this.runner.cancel(id);
    if (!run) throw notFound(id);
    return toRunSummary(run);
  }

  /** Waits until the run ends or waits for an approval (untilEnd: until it ends). */
  async wait(id: string, options: { untilEnd?: boolean } = {}): Promise<RunResult> {
    if (!this.runs.getRun(id)) throw notFound(id);
    await this.runner.waitSettled(id, options);
    return this.runner.result(id) as RunResult;
  }
}

function notFound(id: string): CoreError {
  return new CoreError('NOT_FOUND', `id: no run has id "${id}"`, 'id');
}
