export const name = 'sales-pipeline';

/**
 * The sales pipeline, pulled from the shared Postgres (sales_leads, dfy_requests) so it reads
 * offline: one row per lead or DFY request (`kind`), its stage and the time it entered each
 * stage (JSON { stage: ms }), the founder's notes, value in minor units with its currency, UTM
 * source, and the Stripe customer/payment once paid. `remote_updated_at` is the site's
 * updated_at as last pulled.
 *
 * pipeline_changes is the change log and the write-back outbox at once: every founder change
 * is a row (its id is the idempotency key the remote records), `pending` until the remote
 * has it, then `applied` or `conflict` (the site had moved the stage meanwhile; the outcome
 * says what was kept). pipeline_sync_state holds the pull cursors (txid:seq per table) and
 * the last sync's time and error.
 */
export const sql = /* sql */ `
CREATE TABLE pipeline_items (
  kind               TEXT NOT NULL CHECK (kind IN ('lead', 'dfy')),
  id                 TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  remote_updated_at  INTEGER NOT NULL,
  email              TEXT NOT NULL,
  name               TEXT,
  company            TEXT,
  product            TEXT,                 -- lead: product_slug; dfy: package_slug
  message            TEXT,                 -- lead: message; dfy: brief
  stage              TEXT NOT NULL,
  stage_times        TEXT NOT NULL DEFAULT '{}',
  stage_reason       TEXT,
  notes              TEXT,
  value_minor        INTEGER CHECK (value_minor >= 0),
  currency           TEXT,
  budget_minor       INTEGER,              -- dfy only
  budget_currency    TEXT,                 -- dfy only
  due_date           TEXT,                 -- dfy only, YYYY-MM-DD
  source             TEXT,
  utm_source         TEXT,
  utm_medium         TEXT,
  utm_campaign       TEXT,
  utm_term           TEXT,
  utm_content        TEXT,
  stripe_customer_id TEXT,
  stripe_payment_id  TEXT,
  pulled_at          INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
) STRICT;
CREATE INDEX pipeline_items_stage ON pipeline_items (kind, stage, created_at);
CREATE INDEX pipeline_items_created ON pipeline_items (kind, created_at);

CREATE TABLE pipeline_changes (
  id          TEXT PRIMARY KEY,             -- uuidv7: order of changes, and the idempotency key
  kind        TEXT NOT NULL,
  item_id     TEXT NOT NULL,
  changes     TEXT NOT NULL,                -- JSON { field: { from, to } }
  at          INTEGER NOT NULL,
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'conflict')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  outcome     TEXT,                         -- JSON: what the remote kept
  sent_at     INTEGER
) STRICT;
CREATE INDEX pipeline_changes_pending ON pipeline_changes (state, id);
CREATE INDEX pipeline_changes_item ON pipeline_changes (kind, item_id, id);

CREATE TABLE pipeline_sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
