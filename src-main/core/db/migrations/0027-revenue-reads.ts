export const name = 'revenue-reads';

/**
 * dfy_paid_announced: each DFY request whose `dfy.paid` was sent, so it is sent once per request
 * and only when the paid state is final (the write-back won, or the pull brought a paid row).
 * Requests already paid were announced by the code before this one: they are recorded as such.
 *
 * revenue.metrics reads columns instead of each object's `data`: a charge's invoice gets a column
 * (a charge billed through an invoice is counted through the invoice), and an invoice's
 * subscription column also takes the `subscription` field of API versions before 2025 (it held
 * only `parent.subscription_details.subscription`). Both back-filled from `data`.
 */
export const sql = /* sql */ `
CREATE TABLE dfy_paid_announced (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO dfy_paid_announced (id, at)
  SELECT id, coalesce(json_extract(stage_times, '$.paid'), pulled_at) FROM pipeline_items
  WHERE kind = 'dfy' AND (stage = 'paid' OR json_extract(stage_times, '$.paid') IS NOT NULL);

ALTER TABLE stripe_charges ADD COLUMN invoice TEXT;
UPDATE stripe_charges SET invoice = CASE json_type(data, '$.invoice')
  WHEN 'text' THEN json_extract(data, '$.invoice') WHEN 'object' THEN json_extract(data, '$.invoice.id') END;
UPDATE stripe_invoices SET subscription = CASE json_type(data, '$.subscription')
  WHEN 'text' THEN json_extract(data, '$.subscription') WHEN 'object' THEN json_extract(data, '$.subscription.id') END
  WHERE subscription IS NULL;
`;
