/**
 * The DFY packages the companion site sells: the app writes one row per package after Stripe
 * has its product, price and payment link (the site shows `payment_link_url` while `active`).
 * The app is the only writer; a row is replaced only by a newer `updated_at`, so a re-sent
 * write changes nothing. Every statement may run again.
 */
export const name = 'dfy-packages';

export const sql = /* sql */ `
CREATE TABLE IF NOT EXISTS dfy_packages (
  id                text PRIMARY KEY,
  name              text NOT NULL,
  tier              text NOT NULL,
  price_minor       bigint NOT NULL CHECK (price_minor > 0),
  currency          text NOT NULL,
  description       text,
  payment_link_url  text NOT NULL,
  active            boolean NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS dfy_packages_active ON dfy_packages (active, tier);
`;
