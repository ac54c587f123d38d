export const name = 'costs';

/**
 * The cost autopilot (docs/costs.md).
 *
 * recurring_costs: what the founder pays for outside the app's own records (hosting, domains,
 * tools, other): amount in integer minor units of its own currency, cycle monthly|yearly|one-off,
 * the first and (optional, included) last day as YYYY-MM-DD. No personal data: a vendor's name.
 *
 * cost_budgets: one monthly budget per category, in minor units of the currency it was set in
 * (the report currency at the time).
 *
 * cost_budget_alerts: each threshold (80, 100) a category crossed in a month (YYYY-MM), so a
 * crossing is alerted once per month however often the spend is looked at.
 */
export const sql = /* sql */ `
CREATE TABLE recurring_costs (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  category      TEXT NOT NULL,
  amount_minor  INTEGER NOT NULL,
  currency      TEXT NOT NULL,
  cycle         TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  end_date      TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;
CREATE TABLE cost_budgets (
  category      TEXT PRIMARY KEY,
  amount_minor  INTEGER NOT NULL,
  currency      TEXT NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;
CREATE TABLE cost_budget_alerts (
  category   TEXT NOT NULL,
  month      TEXT NOT NULL,
  threshold  INTEGER NOT NULL,
  at         INTEGER NOT NULL,
  PRIMARY KEY (category, month, threshold)
) STRICT;
`;
