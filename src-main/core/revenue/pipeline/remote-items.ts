import type pg from 'pg';
import { stageModels, type PipelineKind } from '../../../../shared/pipeline-stages';
import type { PulledItem } from './pipeline-store';

/**
 * The shared Postgres table of each kind, its columns under the local names, and the column of
 * its value's currency (a DFY request's `currency` is its budget's, so its value has its own).
 */
export const remoteTables: Record<PipelineKind, { table: string; select: string; valueCurrency: string }> = {
  lead: {
    table: 'sales_leads',
    select: 'product_slug AS product, message, currency AS value_currency, NULL::text AS budget_cents, NULL::text AS budget_currency, NULL::text AS due_date',
    valueCurrency: 'currency',
  },
  dfy: {
    table: 'dfy_requests',
    select: 'package_slug AS product, brief AS message, value_currency, budget_cents::text AS budget_cents, currency AS budget_currency, due_date::text AS due_date',
    valueCurrency: 'value_currency',
  },
};

export interface RemoteItemRow {
  txid: string;
  seq: string;
  id: string;
  created_ms: string;
  updated_ms: string;
  email: string;
  name: string | null;
  company: string | null;
  product: string | null;
  message: string | null;
  status: string;
  stage_times: unknown;
  stage_reason: string | null;
  notes: string | null;
  value_cents: string | null;
  value_currency: string | null;
  budget_cents: string | null;
  budget_currency: string | null;
  due_date: string | null;
  source: string | null;
  utm: unknown;
  stripe_customer_id: string | null;
  stripe_payment_id: string | null;
}

/**
 * The next page after the cursor in (txid, seq) order, only rows of transactions older than
 * every one still running: a row committed late by a long transaction has a txid below the
 * cursor's horizon until it commits, so it is read then and never skipped. An update moves a
 * row past the cursor again (the touch trigger gives it the updating transaction's txid).
 */
export function pullSql(kind: PipelineKind): string {
  const { table, select } = remoteTables[kind];
  return `SELECT txid::text AS txid, seq::text AS seq, id::text AS id,
    (extract(epoch FROM created_at) * 1000)::bigint::text AS created_ms, (extract(epoch FROM updated_at) * 1000)::bigint::text AS updated_ms,
    email, name, company, ${select}, status, stage_times, stage_reason, notes, value_cents::text AS value_cents, source, utm,
    stripe_customer_id, stripe_payment_id
  FROM ${table}
  WHERE (txid, seq) > ($1::xid8, $2::bigint) AND txid < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY txid, seq LIMIT $3`;
}

export async function pullPage(pool: pg.Pool, kind: PipelineKind, cursor: { txid: string; seq: string }, limit: number): Promise<RemoteItemRow[]> {
  return (await pool.query<RemoteItemRow>(pullSql(kind), [cursor.txid, cursor.seq, limit])).rows;
}

/** A stage as the app names it: the site's older `accepted` is read as `quoted`. */
export function localStage(kind: PipelineKind, status: string): string {
  if (kind === 'dfy' && status === 'accepted') return 'quoted';
  return stageModels[kind].all.includes(status) ? status : 'new';
}

function stageTimesOf(kind: PipelineKind, raw: unknown, stage: string, createdMs: number, updatedMs: number): Record<string, number> {
  const out: Record<string, number> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (stageModels[kind].all.includes(k) && typeof v === 'number' && Number.isFinite(v)) out[k] = Math.round(v);
    }
  }
  out.new ??= createdMs;
  // the site moved it without recording when: the row's last change is the best we know
  out[stage] ??= updatedMs;
  return out;
}

function utmField(utm: Record<string, unknown>, name: string): string | null {
  const v = utm[name] ?? utm[`utm_${name}`];
  return typeof v === 'string' && v !== '' ? v : null;
}

const int = (v: string | null) => (v === null ? null : Number(v));

/** A remote row as a local row. */
export function toPulledItem(kind: PipelineKind, r: RemoteItemRow): PulledItem {
  const created = Number(r.created_ms);
  const updated = Number(r.updated_ms);
  const stage = localStage(kind, r.status);
  const utm = r.utm && typeof r.utm === 'object' ? (r.utm as Record<string, unknown>) : {};
  return {
    kind,
    id: r.id,
    created_at: created,
    remote_updated_at: updated,
    email: r.email,
    name: r.name,
    company: r.company,
    product: r.product,
    message: r.message,
    stage,
    stage_times: JSON.stringify(stageTimesOf(kind, r.stage_times, stage, created, updated)),
    stage_reason: r.stage_reason,
    notes: r.notes,
    value_minor: int(r.value_cents),
    currency: r.value_currency?.toLowerCase() ?? null,
    budget_minor: int(r.budget_cents),
    budget_currency: r.budget_currency?.toLowerCase() ?? null,
    due_date: r.due_date,
    source: r.source,
    utm_source: utmField(utm, 'source'),
    utm_medium: utmField(utm, 'medium'),
    utm_campaign: utmField(utm, 'campaign'),
    utm_term: utmField(utm, 'term'),
    utm_content: utmField(utm, 'content'),
    stripe_customer_id: r.stripe_customer_id,
    stripe_payment_id: r.stripe_payment_id,
  };
}
