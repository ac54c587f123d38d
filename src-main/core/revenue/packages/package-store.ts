import type { DfyPackage } from '../../../../shared/contract/revenue-packages';
import type { Db } from '../../db/open';

interface PackageRow {
  id: string;
  name: string;
  tier: string;
  price_minor: number;
  currency: string;
  description: string | null;
  active: number;
  stripe_product_id: string;
  stripe_price_id: string;
  payment_link_id: string;
  payment_link_url: string;
  approval_id: string;
  created_at: number;
  updated_at: number;
}

/** A package as stored: the founder's fields and the Stripe objects that sell it. */
export type StoredPackage = Omit<DfyPackage, 'pendingApprovalId'> & { approvalId: string };

const fromRow = (r: PackageRow): StoredPackage => ({
  id: r.id,
  name: r.name,
  tier: r.tier,
  priceMinor: r.price_minor,
  currency: r.currency,
  description: r.description,
  status: r.active ? 'active' : 'archived',
  stripeProductId: r.stripe_product_id,
  stripePriceId: r.stripe_price_id,
  paymentLinkId: r.payment_link_id,
  paymentLinkUrl: r.payment_link_url,
  approvalId: r.approval_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The `dfy_packages` table. */
export class PackageStore {
  constructor(private readonly db: Db) {}

  get(id: string): StoredPackage | undefined {
    const row = this.db.prepare('SELECT * FROM dfy_packages WHERE id = ?').get(id) as PackageRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  list(): StoredPackage[] {
    return (this.db.prepare('SELECT * FROM dfy_packages ORDER BY active DESC, created_at DESC, id').all() as PackageRow[]).map(fromRow);
  }

  /** Packages whose newest state the shared Postgres does not have yet. */
  unpublished(): StoredPackage[] {
    return (this.db.prepare('SELECT * FROM dfy_packages WHERE published_at IS NULL OR published_at < updated_at ORDER BY updated_at').all() as PackageRow[]).map(fromRow);
  }

  markPublished(id: string, updatedAt: number): void {
    this.db.prepare('UPDATE dfy_packages SET published_at = ? WHERE id = ? AND updated_at = ?').run(updatedAt, id, updatedAt);
  }

  /** Inserts or replaces the whole row (only after Stripe has the objects it names); it is then unpublished. */
  save(p: StoredPackage): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO dfy_packages (id, name, tier, price_minor, currency, description, active, stripe_product_id, stripe_price_id, payment_link_id, payment_link_url, approval_id, created_at, updated_at)
         VALUES (@id, @name, @tier, @priceMinor, @currency, @description, @active, @stripeProductId, @stripePriceId, @paymentLinkId, @paymentLinkUrl, @approvalId, @createdAt, @updatedAt)`,
      )
      .run({ ...p, active: p.status === 'active' ? 1 : 0 });
  }
}
