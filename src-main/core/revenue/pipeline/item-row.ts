import type { DfyRequest, Lead, PipelineChange } from '../../../../shared/contract/pipeline';
import type { PipelineKind } from '../../../../shared/pipeline-stages';

/** A pipeline_items row as SQLite returns it. */
export interface ItemRow {
  kind: PipelineKind;
  id: string;
  created_at: number;
  remote_updated_at: number;
  email: string;
  name: string | null;
  company: string | null;
  product: string | null;
  message: string | null;
  stage: string;
  stage_times: string;
  stage_reason: string | null;
  notes: string | null;
  value_minor: number | null;
  currency: string | null;
  budget_minor: number | null;
  budget_currency: string | null;
  due_date: string | null;
  source: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  stripe_customer_id: string | null;
  stripe_payment_id: string | null;
  pulled_at: number;
}

/** A pipeline_changes row. */
export interface ChangeRow {
  id: string;
  kind: PipelineKind;
  item_id: string;
  changes: string;
  at: number;
  state: 'pending' | 'applied' | 'conflict';
  attempts: number;
  last_error: string | null;
  outcome: string | null;
  sent_at: number | null;
}

/**
 * The fields the founder changes, by their API name, with the local column(s) each is kept
 * in. The same names are the keys of a change's JSON and what write-back maps to remote columns.
 */
export const founderFields = ['stage', 'stageTimes', 'stageReason', 'notes', 'value', 'stripeCustomerId', 'stripePaymentId'] as const;
export type FounderField = (typeof founderFields)[number];
export type FieldChange = { from: unknown; to: unknown };
export type Changes = Partial<Record<FounderField, FieldChange>>;

const money = (amount: number | null, currency: string | null) => (amount === null || currency === null ? null : { amountMinor: amount, currency });

/** The founder's fields of a row, by API name, as a change records them. */
export function founderValues(row: ItemRow): Record<FounderField, unknown> {
  return {
    stage: row.stage,
    stageTimes: JSON.parse(row.stage_times) as Record<string, number>,
    stageReason: row.stage_reason,
    notes: row.notes,
    value: money(row.value_minor, row.currency),
    stripeCustomerId: row.stripe_customer_id,
    stripePaymentId: row.stripe_payment_id,
  };
}

/** Local columns for a founder field's value. */
export function founderColumns(field: FounderField, value: unknown): Record<string, unknown> {
  switch (field) {
    case 'stage':
      return { stage: value };
    case 'stageTimes':
      return { stage_times: JSON.stringify(value) };
    case 'stageReason':
      return { stage_reason: value };
    case 'notes':
      return { notes: value };
    case 'value': {
      const v = value as { amountMinor: number; currency: string } | null;
      return { value_minor: v?.amountMinor ?? null, currency: v?.currency ?? null };
    }
    case 'stripeCustomerId':
      return { stripe_customer_id: value };
    case 'stripePaymentId':
      return { stripe_payment_id: value };
  }
}

function common(row: ItemRow, pending: number) {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.remote_updated_at,
    email: row.email,
    name: row.name,
    company: row.company,
    product: row.product,
    message: row.message,
    stageTimes: JSON.parse(row.stage_times) as Record<string, number>,
    stageReason: row.stage_reason,
    notes: row.notes,
    value: money(row.value_minor, row.currency),
    source: row.source,
    utm: { source: row.utm_source, medium: row.utm_medium, campaign: row.utm_campaign, term: row.utm_term, content: row.utm_content },
    stripeCustomerId: row.stripe_customer_id,
    stripePaymentId: row.stripe_payment_id,
    pendingChanges: pending,
  };
}

export function toLead(row: ItemRow, pending: number): Lead {
  return { ...common(row, pending), stage: row.stage as Lead['stage'] };
}

export function toDfyRequest(row: ItemRow, pending: number): DfyRequest {
  return {
    ...common(row, pending),
    stage: row.stage as DfyRequest['stage'],
    budget: money(row.budget_minor, row.budget_currency),
    dueDate: row.due_date,
  };
}

export function toChange(row: ChangeRow): PipelineChange {
  return {
    id: row.id,
    at: row.at,
    changes: JSON.parse(row.changes) as PipelineChange['changes'],
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as unknown),
  };
}
