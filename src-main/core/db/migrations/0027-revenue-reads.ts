export const name = 'revenue-reads';

/**
 * dfy_paid_announced: each DFY request whose `dfy.paid` was sent, so it is sent once per request
 * and only when the paid state is final (the write-back won, or the pull brought a paid row).
 * Requests already paid were announced by the code before this one: they are recorded as such.
 */
export const sql = /* sql */ `
CREATE TABLE dfy_paid_announced (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO dfy_paid_announced (id, at)
  SELECT id, coalesce(json_extract(stage_times, '$.paid'), pulled_at) FROM pipeline_items
  WHERE kind = 'dfy' AND (stage = 'paid' OR json_extract(stage_times, '$.paid') IS NOT NULL);
`;
