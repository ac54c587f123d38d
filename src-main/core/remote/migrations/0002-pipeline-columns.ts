/**
 * What the desktop app's sales pipeline keeps beside the site's columns: per-stage times,
 * the founder's notes and the reason for a move back, a value (a DFY request's in its own
 * currency column: `currency` is its budget's), the UTM source of a DFY
 * request, and the Stripe customer/payment once a request is paid. DFY requests gain the
 * stages `scoped` and `paid` (an old `accepted` row stays valid; the app reads it as
 * `quoted`). `levqor_pipeline_writes` holds the idempotency key of every change the app wrote,
 * in the same transaction as the change, so a change re-sent after a crash is applied once.
 * Every statement may run again.
 */
export const name = 'pipeline-columns';

export const sql = /* sql */ `
ALTER TABLE sales_leads ADD COLUMN IF NOT EXISTS stage_times jsonb NOT NULL DEFAULT '{}';
ALTER TABLE sales_leads ADD COLUMN IF NOT EXISTS stage_reason text;
ALTER TABLE sales_leads ADD COLUMN IF NOT EXISTS notes text;
ALTER TABLE sales_leads ADD COLUMN IF NOT EXISTS stripe_customer_id text;
ALTER TABLE sales_leads ADD COLUMN IF NOT EXISTS stripe_payment_id text;

ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS stage_times jsonb NOT NULL DEFAULT '{}';
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS stage_reason text;
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS notes text;
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS value_cents bigint CHECK (value_cents >= 0);
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS value_currency text;
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS source text;
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS utm jsonb;
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS stripe_customer_id text;
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS stripe_payment_id text;
ALTER TABLE dfy_requests DROP CONSTRAINT IF EXISTS dfy_requests_status_check;
ALTER TABLE dfy_requests ADD CONSTRAINT dfy_requests_status_check
  CHECK (status IN ('new', 'scoped', 'quoted', 'accepted', 'paid', 'in_progress', 'delivered', 'cancelled'));

CREATE TABLE IF NOT EXISTS levqor_pipeline_writes (
  key        text PRIMARY KEY,
  item_table text NOT NULL,
  item_id    uuid NOT NULL,
  outcome    jsonb NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
`;
