import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor, repoRoot } from '../helpers/cli';
import { readZip } from '../helpers/read-zip';
import { tempDir } from '../helpers/temp-dir';

beforeAll(assertBuilt);

/** The example launches that ship in the repository's top-level products/ folder. */
const examples = ['ascend-launch-system', 'automation-accelerator-pack'];
const repoProducts = join(repoRoot, 'products');

describe('the example products in products/', () => {
  it('levqor product list --products-dir products lists both, valid, with their currency', () => {
    const run = levqor(['--data-dir', tempDir(), '--products-dir', 'products', 'product', 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { products } = JSON.parse(run.stdout) as { products: { slug: string; valid: boolean; hasContent: boolean; price: number; currency?: string }[] };
    expect(products.map((p) => p.slug)).toEqual(examples);
    for (const p of products) expect(p).toMatchObject({ valid: true, hasContent: true });
    expect(products.find((p) => p.slug === 'automation-accelerator-pack')).toMatchObject({ price: 47, currency: 'GBP' });
    const human = levqor(['--data-dir', tempDir(), '--products-dir', 'products', 'product', 'list']);
    expect(human.stdout).toContain('£47.00');
    expect(human.stdout).toContain('$17.00');
  });

  it.each(examples)('%s compiles: its ZIP holds its content folder, the site config and the Omega tree are written', (slug) => {
    // compiled in a copy: a compile writes dist/, src/config and public/ beside the products folder
    const site = tempDir('levqor-site-');
    cpSync(repoProducts, join(site, 'products'), { recursive: true });
    const run = levqor(['--data-dir', tempDir(), '--products-dir', join(site, 'products'), 'product', 'compile', slug, '--no-upload', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { zipPath: string; sha256: string; omegaDir: string };
    const entries = readZip(result.zipPath).map((e) => e.name);
    const content = readdirSync(join(repoProducts, slug), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(join(repoProducts, slug).length + 1).split('\\').join('/'));
    for (const file of content) expect(entries.some((e) => e.endsWith(file)), file).toBe(true);
    expect(existsSync(result.omegaDir)).toBe(true);
    const config = JSON.parse(readFileSync(join(site, 'src', 'config', 'products.json'), 'utf8')) as { slug: string }[];
    expect(config.map((p) => p.slug)).toContain(slug);
  });

  it('the workflows the Automation Accelerator Pack ships are valid workflow files', () => {
    const dir = join(repoProducts, 'automation-accelerator-pack', 'workflows');
    for (const file of readdirSync(dir)) {
      const run = levqor(['--data-dir', tempDir(), 'workflow', 'validate', join(dir, file)]);
      expect(run.code, `${file}: ${run.stdout}${run.stderr}`).toBe(0);
    }
  });
});
