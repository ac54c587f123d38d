import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../src-main/core';
import { tempDir } from './temp-dir';

/** A site folder (products/, and later dist/, src/config/, public/) and a data dir, with a real core. */
export function productSite(config: Partial<CoreConfig> & { env?: NodeJS.ProcessEnv } = {}): { core: Core; siteDir: string; productsDir: string; dataDir: string } {
  const siteDir = tempDir('levqor-site-');
  const dataDir = tempDir('levqor-data-');
  const productsDir = join(siteDir, 'products');
  const core = createCore({ logToFile: false, ...config, dataDir, env: { LEVQOR_PRODUCTS_DIR: productsDir, ...config.env } });
  return { core, siteDir, productsDir, dataDir };
}

export const sampleSpec = {
  slug: 'ascend-launch-system',
  name: 'Ascend Launch System',
  price: 17,
  description: 'A launch checklist and templates for a first digital product.',
  tags: ['launch', 'templates'],
};

/** Writes files (path → content) into a product's content folder. */
export function writeContent(productsDir: string, slug: string, files: Record<string, string | Buffer>): string {
  const dir = join(productsDir, slug);
  for (const [name, content] of Object.entries(files)) {
    const full = join(dir, ...name.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}
