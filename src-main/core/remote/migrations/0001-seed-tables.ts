/**
 * The seed's shared tables. The hosted site writes leads, DFY requests and its own telemetry
 * rows here; the desktop app pushes its telemetry and pulls the site's. Tables that already
 * exist are kept and only get the columns sync needs. Needs Postgres 13 or newer
 * (gen_random_uuid, xid8).
 *
 * Sync columns on every table: `seq` (identity, insertion order) and `txid` (the writing
 * transaction). Readers pull rows whose txid is below the oldest running transaction, in
 * (txid, seq) order, so a row committed late by a slow writer is never skipped.
 */
export const name = 'seed-tables';

export const sql = /* sql */ `
CREATE TABLE IF NOT EXISTS telemetry_logs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ts          timestamptz NOT NULL DEFAULT now(),
  level       text NOT NULL CHECK (level IN ('trace', 'debug', 'info', 'warn', 'error', 'fatal')),
  source      text NOT NULL DEFAULT 'site',
  message     text NOT NULL,
  fingerprint text,
  endpoint    text,
  method      text,
  status      integer CHECK (status BETWEEN 100 AND 599),
  duration_ms double precision CHECK (duration_ms >= 0),
  trace_id    text,
  meta        jsonb
);
ALTER TABLE telemetry_logs ADD COLUMN IF NOT EXISTS node_id text;
ALTER TABLE telemetry_logs ADD COLUMN IF NOT EXISTS inserted_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE telemetry_logs ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE telemetry_logs ADD COLUMN IF NOT EXISTS txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX IF NOT EXISTS telemetry_logs_sync ON telemetry_logs (txid, seq);
CREATE INDEX IF NOT EXISTS telemetry_logs_ts ON telemetry_logs (ts);

CREATE OR REPLACE FUNCTION levqor_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  NEW.txid := pg_current_xact_id();
  RETURN NEW;
END $$;

CREATE TABLE IF NOT EXISTS sales_leads (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  email        text NOT NULL,
  name         text,
  company      text,
  source       text,
  product_slug text,
  message      text,
  status       text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'qualified', 'won', 'lost')),
  value_cents  bigint CHECK (value_cents >= 0),
  currency     text,
  utm          jsonb,
  meta         jsonb
);
ALTER TABLE sales_leads ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE sales_leads ADD COLUMN IF NOT EXISTS txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX IF NOT EXISTS sales_leads_sync ON sales_leads (txid, seq);
DROP TRIGGER IF EXISTS sales_leads_touch ON sales_leads;
CREATE TRIGGER sales_leads_touch BEFORE UPDATE ON sales_leads FOR EACH ROW EXECUTE FUNCTION levqor_touch();

CREATE TABLE IF NOT EXISTS dfy_requests (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  email        text NOT NULL,
  name         text,
  company      text,
  package_slug text,
  brief        text,
  budget_cents bigint CHECK (budget_cents >= 0),
  currency     text,
  due_date     date,
  status       text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'quoted', 'accepted', 'in_progress', 'delivered', 'cancelled')),
  meta         jsonb
);
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE dfy_requests ADD COLUMN IF NOT EXISTS txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX IF NOT EXISTS dfy_requests_sync ON dfy_requests (txid, seq);
DROP TRIGGER IF EXISTS dfy_requests_touch ON dfy_requests;
CREATE TRIGGER dfy_requests_touch BEFORE UPDATE ON dfy_requests FOR EACH ROW EXECUTE FUNCTION levqor_touch();
`;
