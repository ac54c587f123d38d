export const name = 'notify-rules';

/**
 * The founder's settings of the alert rules. The rules themselves (which event, the notice's
 * words) are code (core/notify/rules.ts); a rule without a row here has its defaults, and
 * "reset to default" deletes its row.
 *
 * stripe_events.object_id: the invoice or charge a failed payment's event was about, so a start
 * can rebuild a payment.failed notice the process died before writing (docs/alerts.md, Rules);
 * events applied before this migration have none and are not caught up.
 */
export const sql = /* sql */ `
CREATE TABLE notify_rules (
  id         TEXT PRIMARY KEY,
  enabled    INTEGER NOT NULL,
  channels   TEXT NOT NULL,                   -- JSON array of channel ids
  severity   TEXT NOT NULL,
  filter     TEXT NOT NULL,                   -- JSON object: field → text or { contains }
  updated_at INTEGER NOT NULL
) STRICT;

ALTER TABLE stripe_events ADD COLUMN object_id TEXT;
`;
