import type { ProductBuild } from '../../../shared/contract/products';
import type { Db } from '../db/open';

interface Row {
  version: string;
  zip_path: string;
  sha256: string;
  bytes: number;
  entries: number;
  compiled_at: number;
}

const toBuild = (r: Row): ProductBuild => ({ version: r.version, zipPath: r.zip_path, sha256: r.sha256, bytes: r.bytes, entries: r.entries, compiledAt: r.compiled_at });

/** The product_builds table: the sha256 of every compiled archive. */
export class BuildStore {
  constructor(private readonly db: Db) {}

  record(slug: string, build: ProductBuild): void {
    this.db
      .prepare(
        `INSERT INTO product_builds (slug, version, zip_path, sha256, bytes, entries, compiled_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(slug, version) DO UPDATE SET zip_path = excluded.zip_path, sha256 = excluded.sha256, bytes = excluded.bytes, entries = excluded.entries, compiled_at = excluded.compiled_at`,
      )
      .run(slug, build.version, build.zipPath, build.sha256, build.bytes, build.entries, build.compiledAt);
  }

  latest(slug: string): ProductBuild | undefined {
    const row = this.db.prepare('SELECT * FROM product_builds WHERE slug = ? ORDER BY compiled_at DESC, rowid DESC LIMIT 1').get(slug) as Row | undefined;
    return row ? toBuild(row) : undefined;
  }
}
