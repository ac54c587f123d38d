import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSetSchema, type ContentSet } from '../../../shared/contract/content';
import type { Logger } from '../logger';

/**
 * The history of generated sets: one JSON file per set, `<dataDir>/content/sets/<product>/<id>.json`.
 * Files rather than a table because a set is read whole, kept per product and worth opening by
 * hand; ids are UUIDv7, so names sort oldest first. A file is written beside and renamed in, so
 * a set is in the history whole or not at all.
 */
export class ContentSetStore {
  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  private dir(product: string): string {
    return join(this.dataDir, 'content', 'sets', product);
  }

  save(set: ContentSet): void {
    const dir = this.dir(set.seed.product);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${set.id}.json`);
    writeFileSync(`${file}.partial`, `${JSON.stringify(set, null, 2)}\n`);
    renameSync(`${file}.partial`, file);
  }

  /** The sets of one product, or of all, newest first; a file that no longer reads as a set is logged and left out. */
  list(product: string | undefined, limit: number): ContentSet[] {
    const root = join(this.dataDir, 'content', 'sets');
    const products = product === undefined ? names(root) : [product];
    const files = products.flatMap((p) => names(this.dir(p)).filter((n) => n.endsWith('.json')).map((n) => ({ id: n.slice(0, -5), path: join(this.dir(p), n) })));
    files.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return files.flatMap((f) => this.read(f.path)).slice(0, limit);
  }

  /** The set with this id, whichever product's folder holds it. */
  find(id: string): ContentSet | undefined {
    const root = join(this.dataDir, 'content', 'sets');
    const product = names(root).find((p) => names(this.dir(p)).includes(`${id}.json`));
    return product === undefined ? undefined : this.read(join(this.dir(product), `${id}.json`))[0];
  }

  private read(path: string): ContentSet[] {
    try {
      return [contentSetSchema.parse(JSON.parse(readFileSync(path, 'utf8')))];
    } catch (err) {
      this.log.warn({ path, err: err instanceof Error ? err.message : String(err) }, 'content set could not be read');
      return [];
    }
  }
}

function names(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
