import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '..';
import { productSpecSchema } from '../../../shared/product';
import { deadPid } from '../../../tests/helpers/dead-pid';
import { productSite, sampleSpec, writeContent } from '../../../tests/helpers/products';
import { tempDir } from '../../../tests/helpers/temp-dir';

const slug = sampleSpec.slug;

/** A site compiled once, so every folder a compile writes in exists. */
async function compiledSite() {
  const site = productSite();
  site.core.products.create(productSpecSchema.parse(sampleSpec));
  writeContent(site.productsDir, slug, { 'guide.md': '# Guide\n' });
  const result = await site.core.products.compile(slug, { upload: false });
  return { ...site, result };
}

/**
 * Temps as the writers name them, in every folder a compile writes in: one of a dead writer
 * (killed mid-compile) and one of a live one (a compile running in another process) in each.
 */
function plantTemps(productsDir: string, siteDir: string, omegaDir: string) {
  const folders = {
    spec: [productsDir, `${slug}.product.json`],
    zip: [join(siteDir, 'dist', 'products', slug), `${slug}-1.0.0.zip`],
    config: [join(siteDir, 'src', 'config'), 'products.json'],
    omega: [omegaDir, 'manifest.json'],
  } as const;
  const dead = deadPid();
  const stale: string[] = [];
  const live: string[] = [];
  for (const [dir, name] of Object.values(folders)) {
    stale.push(join(dir, `.${name}.${dead}-0badc0de.tmp`));
    live.push(join(dir, `.${name}.${process.ppid}-0badc0de.tmp`));
  }
  for (const p of [...stale, ...live]) writeFileSync(p, 'half an archive');
  return { stale, live };
}

describe('temps left by killed compiles', () => {
  it('a compile removes the stale temps of this install and keeps those a running compile holds', async () => {
    const { core, productsDir, siteDir, result } = await compiledSite();
    const { stale, live } = plantTemps(productsDir, siteDir, result.omegaDir);
    await core.products.compile(slug, { upload: false });
    expect(stale.filter(existsSync)).toEqual([]);
    expect(live.filter(existsSync)).toEqual(live);
    core.close();
  });

  it('start-up removes them too', async () => {
    const { core, productsDir, siteDir, dataDir, result } = await compiledSite();
    core.close();
    const { stale, live } = plantTemps(productsDir, siteDir, result.omegaDir);
    const restarted = createCore({ logToFile: false, dataDir, env: { LEVQOR_PRODUCTS_DIR: productsDir } });
    expect(stale.filter(existsSync)).toEqual([]);
    expect(live.filter(existsSync)).toEqual(live);
    restarted.close();
  });

  it('does not sweep through a link to a folder outside', async () => {
    const { core, productsDir, siteDir, dataDir } = await compiledSite();
    core.close();
    const outside = tempDir('levqor-outside-');
    const theirs = join(outside, `.other.zip.${deadPid()}-0badc0de.tmp`);
    writeFileSync(theirs, 'not ours to remove');
    symlinkSync(outside, join(siteDir, 'dist', 'products', 'other'));
    createCore({ logToFile: false, dataDir, env: { LEVQOR_PRODUCTS_DIR: productsDir } }).close();
    expect(existsSync(theirs)).toBe(true);
  });
});
