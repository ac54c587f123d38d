/**
 * Queue mode: the shared store of the workflow engine and the workers that drive it.
 * pg-boss keeps its own schema (`pgboss`); these tables are the engine's. A run's rows here
 * are the truth when a worker dies: another worker claims the run once its lease has passed
 * and resumes it from its last finished step. Times the lease compares are the server's
 * (`now()`), so workers on machines with drifting clocks agree. Every statement may run again.
 */
export const name = 'workers';

export const sql = /* sql */ `
CREATE TABLE IF NOT EXISTS levqor_workers (
  id              text PRIMARY KEY,
  host            text NOT NULL,
  version         text NOT NULL,
  schema_version  integer NOT NULL,
  queues          text[] NOT NULL,
  concurrency     integer NOT NULL CHECK (concurrency > 0),
  started_at      timestamptz NOT NULL,
  last_heartbeat  timestamptz NOT NULL,
  jobs_running    integer NOT NULL DEFAULT 0,
  jobs_done       bigint NOT NULL DEFAULT 0,
  throughput      double precision NOT NULL DEFAULT 0,
  stopped_at      timestamptz
);

CREATE TABLE IF NOT EXISTS levqor_workflows (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  definition_id   text NOT NULL,
  document        jsonb NOT NULL,
  trigger_type    text NOT NULL,
  enabled         boolean NOT NULL,
  schema_version  integer NOT NULL,
  published_at    timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS levqor_runs (
  id              text PRIMARY KEY,
  workflow_id     text NOT NULL REFERENCES levqor_workflows (id),
  workflow_name   text NOT NULL,
  definition_id   text NOT NULL,
  document        jsonb NOT NULL,
  trigger         text NOT NULL,
  status          text NOT NULL,
  input           text,
  output          text,
  error           text,
  dedupe_key      text UNIQUE,
  scheduled_for   bigint,
  dry_run         smallint NOT NULL DEFAULT 0,
  owner           text,
  lease_until     timestamptz,
  wake_at         bigint,
  cancel_requested smallint NOT NULL DEFAULT 0,
  schema_version  integer NOT NULL,
  created_at      bigint NOT NULL,
  started_at      bigint,
  finished_at     bigint,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS levqor_runs_active ON levqor_runs (status, lease_until) WHERE status IN ('queued', 'running', 'waiting');

CREATE TABLE IF NOT EXISTS levqor_run_steps (
  run_id          text NOT NULL REFERENCES levqor_runs (id) ON DELETE CASCADE,
  node_id         text NOT NULL,
  type            text NOT NULL,
  class           text NOT NULL,
  status          text NOT NULL,
  mode            text,
  attempt         integer NOT NULL,
  attempt_base    integer NOT NULL,
  interruptions   integer NOT NULL,
  input           text,
  output          text,
  port            text,
  error           text,
  state           text,
  wake_at         bigint,
  approval_id     text,
  seq             integer NOT NULL,
  started_at      bigint,
  finished_at     bigint,
  updated_at      bigint NOT NULL,
  PRIMARY KEY (run_id, node_id)
);
`;
