import type { StepRow } from '../store/run-store';

/**
 * A step row's columns with their Postgres types: the one list both stores' copies of a run
 * are written from (the shared store upserts them, the local cache inserts them), so the two
 * cannot drift apart.
 */
export const stepColumns: ReadonlyArray<readonly [keyof StepRow, string]> = [
  ['run_id', 'text'],
  ['node_id', 'text'],
  ['type', 'text'],
  ['class', 'text'],
  ['status', 'text'],
  ['mode', 'text'],
  ['attempt', 'integer'],
  ['attempt_base', 'integer'],
  ['interruptions', 'integer'],
  ['input', 'text'],
  ['output', 'text'],
  ['port', 'text'],
  ['error', 'text'],
  ['state', 'text'],
  ['wake_at', 'bigint'],
  ['approval_id', 'text'],
  ['seq', 'integer'],
  ['started_at', 'bigint'],
  ['finished_at', 'bigint'],
  ['updated_at', 'bigint'],
];

export const stepColumnNames = stepColumns.map(([name]) => name);
