import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productSite } from '../../../tests/helpers/products';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { treeSnapshot } from '../../../tests/helpers/tree-snapshot';
import { hybridFluxWave } from './omega-root-pack';

describe('Omega root pack', () => {
  it('creates the root beside the product trees: brand tokens (JSON and CSS), Brand-Geometry/, a README of the layout', () => {
    const { core, siteDir } = productSite();
    const root = join(siteDir, 'public', 'assets', 'Levqor-Omega-Empire-Pack');
    const result = core.products.omegaPack();
    expect(result).toEqual({
      root,
      entries: [
        { path: 'products', kind: 'folder', state: 'created' },
        { path: 'Brand-Geometry', kind: 'folder', state: 'created' },
        { path: 'brand-tokens.json', kind: 'file', state: 'created' },
        { path: 'brand-tokens.css', kind: 'file', state: 'created' },
        { path: 'README.md', kind: 'file', state: 'created' },
      ],
    });
    const tokens = JSON.parse(readFileSync(join(root, 'brand-tokens.json'), 'utf8'));
    expect(tokens).toEqual({
      style: 'HYBRID FLUX WAVE',
      colors: {
        'deep-space-black': { name: 'Deep Space Black', hex: '#000000' },
        'midnight-graphite': { name: 'Midnight Graphite', hex: '#0C0F14' },
        'neon-flux-blue': { name: 'Neon Flux Blue', hex: '#3A8CFF' },
        'aurora-pulse-teal': { name: 'Aurora Pulse Teal', hex: '#31F7D9' },
        'plasma-purple': { name: 'Plasma Purple', hex: '#8F5BFF' },
      },
    });
    const css = readFileSync(join(root, 'brand-tokens.css'), 'utf8');
    for (const c of hybridFluxWave) expect(css).toContain(`--levqor-${c.token}: ${c.hex};`);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('Brand-Geometry/');
    expect(readme).toContain('Social-Posts/  15 PNG slots, 1080×1080, 5 per style: quote, tip, promo');
  });

  it('is idempotent and never overwrites a founder\u2019s edit; a removed file comes back', () => {
    const { core } = productSite();
    const { root } = core.products.omegaPack();
    const before = treeSnapshot(root);
    expect(core.products.omegaPack().entries.map((e) => e.state)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(treeSnapshot(root)).toEqual(before);

    writeFileSync(join(root, 'brand-tokens.css'), ':root { --levqor-neon-flux-blue: #0000FF; }\n');
    rmSync(join(root, 'README.md'));
    const again = core.products.omegaPack();
    expect(again.entries.find((e) => e.path === 'brand-tokens.css')?.state).toBe('kept');
    expect(again.entries.find((e) => e.path === 'README.md')?.state).toBe('created');
    expect(readFileSync(join(root, 'brand-tokens.css'), 'utf8')).toContain('#0000FF');
  });

  it('keeps beside a compiled product\u2019s tree, and refuses a pack folder that links out of the site', () => {
    const { core, siteDir } = productSite();
    const outside = tempDir();
    mkdirSync(join(siteDir, 'public', 'assets'), { recursive: true });
    symlinkSync(outside, join(siteDir, 'public', 'assets', 'Levqor-Omega-Empire-Pack'));
    expect(() => core.products.omegaPack()).toThrow(/root/);
    expect(treeSnapshot(outside)).toEqual({});
  });
});
