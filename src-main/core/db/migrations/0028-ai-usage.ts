export const name = 'ai-usage';

/**
 * ai_usage: one row per model call (core/ai), so the founder and the cost autopilot see what
 * each AI feature used and cost. cost_minor is in cents from the ai.prices table at the time of
 * the call, fractional so that many cheap calls still add up. outcome: ok, failed, cancelled,
 * timeout or invalid (a structured answer that stayed wrong after its repair turns).
 */
export const sql = /* sql */ `
CREATE TABLE ai_usage (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  feature TEXT NOT NULL,
  model TEXT NOT NULL,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cost_minor REAL NOT NULL,
  latency_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  error TEXT
) STRICT;
CREATE INDEX ai_usage_at ON ai_usage (at);
`;
