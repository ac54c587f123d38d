import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src-main/core';
import { median, type Report } from './measure';

const slug = 'bench-pack';

/** The folder: 500 small text files plus 25 MB of random bytes. */
function makeProduct(productsDir: string): void {
  const content = join(productsDir, slug);
  mkdirSync(join(content, 'notes'), { recursive: true });
  for (let i = 0; i < 500; i++) {
    const text = `Note ${i}\n${randomBytes(1500).toString('base64')}\n`;
    writeFileSync(join(content, 'notes', `note-${String(i).padStart(3, '0')}.txt`), text);
  }
  writeFileSync(join(content, 'random.bin'), randomBytes(25 * 1024 * 1024));
  writeFileSync(
    join(productsDir, `${slug}.product.json`),
    JSON.stringify({ slug, name: 'Bench Pack', price: 9, description: 'Benchmark product.', tags: ['bench'] }),
  );
}

/**
 * `levqor product compile` (no upload: validate, zip, site config, Omega tree) beside
 * `zip -r -q` of the same folder, alternating, median of 5 each.
 */
export async function compileBench(report: Report): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'levqor-bench-compile-'));
  const productsDir = join(root, 'site', 'products');
  mkdirSync(productsDir, { recursive: true });
  makeProduct(productsDir);
  const core = createCore({ dataDir: join(root, 'data'), env: { LEVQOR_PRODUCTS_DIR: productsDir }, logToFile: false });
  try {
    const ours: number[] = [];
    const zip: number[] = [];
    await core.products.compile(slug, { upload: false }); // warm the page cache for both
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      await core.products.compile(slug, { upload: false });
      ours.push(performance.now() - started);

      const out = join(root, `zip-${i}.zip`);
      started = performance.now();
      const z = spawnSync('zip', ['-r', '-q', out, slug], { cwd: productsDir });
      zip.push(performance.now() - started);
      if (z.status !== 0) throw new Error(`zip failed: ${z.stderr}`);
      rmSync(out);
    }
    report({
      name: 'product compile, 500 small text files + 25 MB random (no upload, median of 5)',
      value: median(ours),
      unit: 'ms',
      reference: { name: 'zip -r -q of the same folder', value: median(zip) },
      target: '≤ 1.2× zip',
    });
  } finally {
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
