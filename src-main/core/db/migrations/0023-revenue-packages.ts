export const name = 'revenue-packages';

/**
 * DFY packages on sale through Stripe payment links: the founder's fields (price in integer
 * minor units with its currency) and the Stripe objects an approved proposal created. A row
 * exists only once Stripe has them; proposals wait in the approval inbox. `approval_id` is the
 * approval that last changed the row; `published_at` the `updated_at` the shared Postgres has
 * (null: not written there yet).
 *
 * stripe_webhook_deliveries counts POST /webhooks/stripe deliveries per hour (epoch ms of the
 * hour's start): accepted, and refused for a bad or missing signature, with the last refusal's
 * reason and time; Guardian reads the refusal rate from it.
 */
export const sql = /* sql */ `
CREATE TABLE dfy_packages (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  tier               TEXT NOT NULL,
  price_minor        INTEGER NOT NULL CHECK (price_minor > 0),
  currency           TEXT NOT NULL,
  description        TEXT,
  active             INTEGER NOT NULL DEFAULT 1,
  stripe_product_id  TEXT NOT NULL,
  stripe_price_id    TEXT NOT NULL,
  payment_link_id    TEXT NOT NULL,
  payment_link_url   TEXT NOT NULL,
  approval_id        TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  published_at       INTEGER
);

CREATE TABLE stripe_webhook_deliveries (
  hour             INTEGER PRIMARY KEY,
  accepted         INTEGER NOT NULL DEFAULT 0,
  refused          INTEGER NOT NULL DEFAULT 0,
  last_refusal     TEXT,
  last_refused_at  INTEGER
) STRICT;
`;
