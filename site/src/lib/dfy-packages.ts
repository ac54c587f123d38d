import { withDatabase } from './database';

export interface DfyPackage {
  id: string;
  name: string;
  tier: string;
  priceMinor: number;
  currency: string;
  description: string | null;
  paymentLinkUrl: string;
}

export type DfyTiers = { state: 'not-connected' } | { state: 'unavailable' } | { state: 'ok'; packages: DfyPackage[] };

/**
 * The DFY packages on sale: the rows the app's revenue area writes to `dfy_packages` in the
 * shared Postgres (DATABASE_URL) once Stripe has their payment link. Without DATABASE_URL the
 * site says the tiers are not connected; a database that does not answer is said too, never hidden.
 */
export async function readDfyTiers(databaseUrl = process.env.DATABASE_URL): Promise<DfyTiers> {
  try {
    const packages = await withDatabase(async (client) => {
      const { rows } = await client.query<{ id: string; name: string; tier: string; price_minor: string; currency: string; description: string | null; payment_link_url: string }>(
        'SELECT id, name, tier, price_minor, currency, description, payment_link_url FROM dfy_packages WHERE active ORDER BY price_minor, name',
      );
      return rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier, priceMinor: Number(r.price_minor), currency: r.currency, description: r.description, paymentLinkUrl: r.payment_link_url }));
    }, databaseUrl);
    return packages ? { state: 'ok', packages } : { state: 'not-connected' };
  } catch (err) {
    console.error(`dfy_packages could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return { state: 'unavailable' };
  }
}
