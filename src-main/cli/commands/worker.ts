import { parseDuration } from '../../../shared/workflow';
import { databaseHost, startQueueWorker, workerQueues } from '../../core';
import type { SharedRunInfo, WorkerInfo } from '../../../shared/contract/workers';
import { command, CliUsageError, noExtraPositionals, type Command } from '../command';
import { procedureCommand } from '../procedure-command';
import { parseJsonOption } from '../json-input';
import { countOption, givenOnly, parseCountOption } from '../options';

const usage = 'worker --database-url URL [--concurrency N] [--queues Q[,Q…]] [--lease D] [--grace D] [--poll D]';

function duration(flag: string, raw: string | boolean | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const ms = typeof raw === 'string' ? parseDuration(raw) : undefined;
  if (ms === undefined || ms < min) throw new CliUsageError(`--${flag}: must be a duration of at least ${min} ms such as "500ms", "30s" or "2m" (got "${String(raw)}")`);
  return ms;
}

function concurrency(raw: string | boolean | undefined): number {
  if (raw === undefined) return 2;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < 1 || n > 64) throw new CliUsageError(`--concurrency: must be a whole number from 1 to 64 (got "${String(raw)}")`);
  return n;
}

function queues(raw: string | boolean | undefined): string[] {
  if (raw === undefined) return [...workerQueues];
  const names = typeof raw === 'string' ? raw.split(',').map((q) => q.trim()).filter(Boolean) : [];
  const unknown = names.filter((q) => !(workerQueues as readonly string[]).includes(q));
  if (names.length === 0 || unknown.length > 0) throw new CliUsageError(`--queues: must name queues from ${workerQueues.join(', ')} (got "${String(raw)}")`);
  return names;
}

const workerCommand = command({
  usage,
  summary: 'Run a headless queue worker: claims workflow runs from pg-boss on the shared Postgres and executes them (SIGTERM hands back what it cannot finish in --grace).',
  options: {
    'database-url': { type: 'string', description: 'the shared Postgres (postgres://user:password@host:5432/db; env LEVQOR_DATABASE_URL); only its host is printed' },
    concurrency: { type: 'string', description: 'runs driven at once (default 2)' },
    queues: { type: 'string', description: `queues to take, comma-separated (default: ${workerQueues.join(', ')})` },
    lease: { type: 'string', description: 'how long a run stays this worker\u2019s without a heartbeat before another resumes it (default 60s)' },
    grace: { type: 'string', description: 'on SIGTERM, how long running runs may finish before they are handed back (default 30s)' },
    poll: { type: 'string', description: 'how often an idle slot asks for a job (default 2s, at least 500ms)' },
  },
  keepsRunning: true,
  async run(ctx, args) {
    noExtraPositionals(args, 0, usage);
    const url = typeof args.values['database-url'] === 'string' ? args.values['database-url'] : ctx.io.env.LEVQOR_DATABASE_URL;
    if (!url) throw new CliUsageError(`--database-url: required (or LEVQOR_DATABASE_URL) (usage: levqor ${usage})`);
    const options = {
      concurrency: concurrency(args.values.concurrency),
      queues: queues(args.values.queues),
      leaseMs: duration('lease', args.values.lease, 60_000, 1_000),
      graceMs: duration('grace', args.values.grace, 30_000, 0),
      pollSeconds: duration('poll', args.values.poll, 2_000, 500) / 1000,
    };
    const core = ctx.core();
    const { worker, close } = await startQueueWorker({ url, ...options, log: core.log.child({ area: 'worker' }), say: (text) => ctx.io.err(text), clock: core.clock, engine: core.engine });
    const host = databaseHost(url);
    ctx.print({ id: worker.id, queues: options.queues, concurrency: options.concurrency, database: host }, () =>
      `levqor worker ${worker.id}: queues ${options.queues.join(', ')}, concurrency ${options.concurrency}, database ${host}`,
    );
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void worker
          .stop(options.graceMs)
          .then(close)
          .finally(() => {
            ctx.holder.close();
            done();
          });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
});

function showWorkers({ workers }: { workers: WorkerInfo[] }): string {
  if (workers.length === 0) return 'No worker has registered with the shared Postgres yet (start one with: levqor worker --database-url URL).';
  return workers
    .map((w) => {
      const state = w.stopped ? 'stopped' : `${w.jobsRunning} running, ${w.throughput.toFixed(2)}/s`;
      return `${w.id}  ${w.host}  v${w.version}  queues ${w.queues.join(',')}  concurrency ${w.concurrency}  heartbeat ${new Date(w.lastHeartbeat).toISOString()}  ${state}`;
    })
    .join('\n');
}

function showSharedRuns({ runs }: { runs: SharedRunInfo[] }): string {
  if (runs.length === 0) return 'The shared store holds no run yet.';
  return runs
    .map((r) => {
      const took = r.durationMs === null ? '' : `  took ${r.durationMs} ms`;
      return `${r.id}  ${r.workflowName}  ${r.status}  worker ${r.worker ?? '-'}  created ${new Date(r.createdAt).toISOString()}${took}`;
    })
    .join('\n');
}

export const workerCommands: Command[] = [
  workerCommand,
  procedureCommand('workers.list', {
    usage: 'workers',
    summary: 'The queue workers the shared Postgres knows: id, host, version, queues, concurrency, last heartbeat, jobs running.',
    show: showWorkers,
  }),
  procedureCommand('workers.runs', {
    usage: 'workers runs [--limit N]',
    summary: 'The most recent runs of the shared store, newest first: workflow, status, worker, start and duration.',
    options: { limit: countOption(50) },
    input: (_given, values) => givenOnly({ limit: parseCountOption(values.limit, 'limit') }),
    show: showSharedRuns,
  }),
  procedureCommand('workers.preflight', {
    usage: 'workers preflight',
    summary: 'Check that queue mode can work: the shared Postgres configured, reachable, its schema migrated (exit 1 when not).',
    show: (r) => (r.ready ? `Queue mode is ready (shared schema ${r.schemaVersion ?? '?'}).` : `Queue mode is not ready:\n${r.problems.map((p) => `  ${p}`).join('\n')}`),
    exitCode: (r) => (r.ready ? 0 : 1),
  }),
  procedureCommand('workers.enqueue', {
    usage: 'workers enqueue ID [--input JSON]',
    summary: 'Queue a run of a saved workflow for the workers (queue.mode on); prints the run id in the shared store.',
    positionals: { workflowId: 'ID' },
    options: { input: { type: 'string', description: 'the run\u2019s input as JSON' } },
    input: ({ workflowId }, values) => {
      const input = parseJsonOption(values.input, 'input');
      return input === undefined ? { workflowId } : { workflowId, input };
    },
    show: (r) => `Queued run ${r.runId} for the workers.`,
  }),
];
