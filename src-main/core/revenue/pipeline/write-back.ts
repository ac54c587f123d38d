import type pg from 'pg';
import type { PipelineKind } from '../../../../shared/pipeline-stages';
import type { Changes, FieldChange, FounderField } from './item-row';
import { localStage, remoteTables } from './remote-items';
import { stageThatWins } from './stage-rules';

/** What the shared Postgres kept of one founder change. */
export interface WriteOutcome {
  state: 'applied' | 'conflict';
  /** Fields written. */
  written: FounderField[];
  /** Why something was not written (the site moved the stage meanwhile, or deleted the item). */
  reason?: string;
  /** The stage the remote row has afterwards. */
  stage?: string;
  /** true when the key was already recorded: this is a re-send of a change written before. */
  replay?: boolean;
}

/** The remote column assignments of each founder field. */
function assignments(kind: PipelineKind, field: FounderField, change: FieldChange, param: (v: unknown) => string): string[] {
  const to = change.to;
  switch (field) {
    case 'stage':
      return [`status = ${param(to)}`];
    case 'stageTimes':
      return [`stage_times = stage_times || ${param(JSON.stringify(to))}::jsonb`];
    case 'stageReason':
      return [`stage_reason = ${param(to)}`];
    case 'notes':
      return [`notes = ${param(to)}`];
    case 'value': {
      const v = to as { amountMinor: number; currency: string } | null;
      return [`value_cents = ${param(v?.amountMinor ?? null)}`, `${remoteTables[kind].valueCurrency} = ${param(v?.currency ?? null)}`];
    }
    case 'stripeCustomerId':
      return [`stripe_customer_id = ${param(to)}`];
    case 'stripePaymentId':
      return [`stripe_payment_id = ${param(to)}`];
  }
}

/**
 * Writes one founder change inside the caller's remote transaction, once: its idempotency key
 * goes into levqor_pipeline_writes with the change, so a re-send (after a crash, or a lost
 * answer) finds it and writes nothing. The rule when the site changed the stage meanwhile:
 * the stage further along the main path wins (an end wins over an open stage; between two
 * ends the site's stays), and a founder move that loses writes neither its stage nor its stage
 * time or reason. Every other founder field (notes, value, Stripe ids) is the founder's own
 * and is written as it is. The row is always touched, so the next pull brings it back as the
 * remote now has it.
 */
export async function writeChange(client: pg.PoolClient, key: string, kind: PipelineKind, id: string, changes: Changes): Promise<WriteOutcome> {
  const done = await client.query<{ outcome: WriteOutcome }>('SELECT outcome FROM levqor_pipeline_writes WHERE key = $1', [key]);
  if (done.rows[0]) return { ...done.rows[0].outcome, replay: true };
  const { table } = remoteTables[kind];
  const current = await client.query<{ status: string }>(`SELECT status FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  const row = current.rows[0];
  let outcome: WriteOutcome;
  if (!row) {
    outcome = { state: 'conflict', written: [], reason: 'the site no longer has this item' };
  } else {
    const siteStage = localStage(kind, row.status);
    let fields = Object.keys(changes) as FounderField[];
    let reason: string | undefined;
    const move = changes.stage;
    if (move && siteStage !== move.from && siteStage !== move.to && stageThatWins(kind, siteStage, String(move.to)) === 'site') {
      reason = `the site had moved it to ${siteStage} meanwhile, which is kept (a move ${String(move.from)} → ${String(move.to)} loses to a stage further along)`;
      fields = fields.filter((f) => f !== 'stage' && f !== 'stageTimes' && f !== 'stageReason');
    }
    const values: unknown[] = [id];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const sets = ['updated_at = now()', ...fields.flatMap((f) => assignments(kind, f, changes[f]!, param))];
    await client.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1`, values);
    const stage = fields.includes('stage') ? String(move!.to) : siteStage;
    outcome = reason ? { state: 'conflict', written: fields, reason, stage } : { state: 'applied', written: fields, stage };
  }
  await client.query('INSERT INTO levqor_pipeline_writes (key, item_table, item_id, outcome) VALUES ($1, $2, $3, $4)', [key, table, id, JSON.stringify(outcome)]);
  return outcome;
}
