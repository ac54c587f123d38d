import type { Logger } from '../../logger';
import type { RemoteDb } from '../../remote';
import type { PackageStore } from './package-store';

export type PackageRemote = Pick<RemoteDb, 'configured' | 'transaction'>;

/**
 * Writes packages to the shared Postgres (`dfy_packages`, remote migration 0003) for the
 * companion site: each changed row upserted, kept only if newer than what is there, then marked
 * published here. Offline, rows wait for the next try; writing one twice changes nothing.
 */
export class PackagePublisher {
  private running: Promise<number> | undefined;

  constructor(
    private readonly store: PackageStore,
    private readonly remote: PackageRemote,
    private readonly log: Logger,
  ) {}

  /** How many packages are waiting to be written. */
  waiting(): number {
    return this.remote.configured ? this.store.unpublished().length : 0;
  }

  /** Writes what is waiting; one run at a time (a second call joins it). Returns how many were written. */
  publish(): Promise<number> {
    this.running ??= this.write().finally(() => (this.running = undefined));
    return this.running;
  }

  /** After a change: written now when the remote is there, otherwise at the next scheduled try. */
  publishSoon(): void {
    if (!this.remote.configured) return;
    void this.publish().catch((err: unknown) => this.log.info({ err: err instanceof Error ? err.message : String(err) }, 'DFY packages wait for the next write to the shared Postgres'));
  }

  private async write(): Promise<number> {
    if (!this.remote.configured) return 0;
    const rows = this.store.unpublished();
    for (const p of rows) {
      await this.remote.transaction('DFY packages', (client) =>
        client.query(
          `INSERT INTO dfy_packages (id, name, tier, price_minor, currency, description, payment_link_url, active, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0))
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, tier = EXCLUDED.tier, price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency,
             description = EXCLUDED.description, payment_link_url = EXCLUDED.payment_link_url, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at
           WHERE dfy_packages.updated_at < EXCLUDED.updated_at`,
          [p.id, p.name, p.tier, p.priceMinor, p.currency, p.description, p.paymentLinkUrl, p.status === 'active', p.updatedAt],
        ),
      );
      this.store.markPublished(p.id, p.updatedAt);
    }
    return rows.length;
  }
}
