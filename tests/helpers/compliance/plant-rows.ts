import type { Db } from '../../../src-main/core/db/open';
import type { DataMapEntry } from '../../../src-main/core/compliance';

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** Values the CHECK constraints of the mapped tables accept, where 'x' or 0 would be refused. */
const accepted: Record<string, Record<string, unknown>> = {
  pipeline_items: { kind: 'lead', stage: 'new', stage_times: '{}' },
  pipeline_changes: { kind: 'lead', state: 'pending', changes: '{}' },
  telemetry_logs: { level: 'info', origin: 0, id_given: 0 },
  telemetry_groups: { level: 'info' },
  telemetry_anomalies: { severity: 'warning', kind: 'error-rate' },
  notify_outbox: { state: 'pending', channel: 'os' },
  approvals: { status: 'pending', class: 'C', stage: 'pre-launch', on_timeout: 'reject', subject_kind: 'compliance.erase' },
  workflow_audit: { class: 'C', stage: 'pre-launch', mode: 'real', decision: 'approved', subject_kind: 'compliance.erase' },
  runs: { status: 'succeeded', trigger: 'manual' },
  run_steps: { status: 'succeeded', class: 'A', mode: 'real' },
  run_logs: { level: 'info' },
  subject_requests: { kind: 'export', law: 'gdpr', source: 'app', status: 'answered' },
  stripe_events: { via: 'sync' },
  telegram_buttons: { decision: 'approve' },
};

let seq = 0;

/**
 * One row about the person in a mapped local table: its subject columns hold the address, the
 * customer id or text naming them, every other required column a value its constraints accept.
 * Returns the error text when the table refuses it (the test names it).
 */
export function plantLocalRow(db: Db, entry: DataMapEntry, who: { email: string; customer: string; item: string }, parents: { runId: string; outboxId: number }): string | undefined {
  const columns = db.prepare(`PRAGMA table_info("${entry.table}")`).all() as Column[];
  const row: Record<string, unknown> = {};
  const n = ++seq;
  for (const c of columns) {
    const given = accepted[entry.table]?.[c.name];
    if (given !== undefined) row[c.name] = given;
    else if (c.name === 'run_id') row[c.name] = parents.runId;
    else if (c.name === 'outbox_id') row[c.name] = parents.outboxId;
    else if (c.notnull || c.pk) row[c.name] = /INT|REAL/i.test(c.type) ? n : `v${n}`;
  }
  const s = entry.subject ?? {};
  for (const c of s.email ?? []) row[c] = who.email.toUpperCase();
  for (const c of s.customer ?? []) row[c] = who.customer;
  for (const c of s.item ?? []) row[c] = who.item;
  for (const c of s.text ?? []) row[c] = JSON.stringify({ note: `from ${who.email}`, customer: who.customer, name: 'Ada Lovelace' });
  const names = Object.keys(row);
  try {
    db.prepare(`INSERT INTO "${entry.table}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((c) => row[c] as string | number | null));
    return undefined;
  } catch (err) {
    return `${entry.table}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
