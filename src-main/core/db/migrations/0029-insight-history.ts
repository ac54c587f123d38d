export const name = 'insight-history';

/**
 * What the AI CEO's insights showed and what the founder did about them (docs/ai.md).
 *
 * insight_history: one row per insight id (`<rule>:<subject>`): when it was first and last
 * shown, its latest wording and severity, and, once the founder acted on it, when, what kind of
 * action (workflow-draft, healing, open-area) and what it made (the workflow id, the approval
 * id, or the area). The same finding coming back later updates its row.
 */
export const sql = /* sql */ `
CREATE TABLE insight_history (
  id              TEXT PRIMARY KEY,
  rule            TEXT NOT NULL,
  area            TEXT NOT NULL,
  severity        TEXT NOT NULL,
  finding         TEXT NOT NULL,
  first_shown_at  INTEGER NOT NULL,
  last_shown_at   INTEGER NOT NULL,
  acted_at        INTEGER,
  action_kind     TEXT,
  action_ref      TEXT
) STRICT;
CREATE INDEX insight_history_last_shown ON insight_history (last_shown_at);
`;
