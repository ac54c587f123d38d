import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OmegaPackEntry, OmegaPackResult } from '../../../shared/contract/products';
import { omegaFolderStyles, omegaFolders } from '../../../shared/omega';
import { writeFileAtomic } from './atomic-write';

/** The seed's HYBRID FLUX WAVE brand style, colour by colour, as its table gives them. */
export const hybridFluxWave = [
  { name: 'Deep Space Black', token: 'deep-space-black', hex: '#000000' },
  { name: 'Midnight Graphite', token: 'midnight-graphite', hex: '#0C0F14' },
  { name: 'Neon Flux Blue', token: 'neon-flux-blue', hex: '#3A8CFF' },
  { name: 'Aurora Pulse Teal', token: 'aurora-pulse-teal', hex: '#31F7D9' },
  { name: 'Plasma Purple', token: 'plasma-purple', hex: '#8F5BFF' },
] as const;

export const brandGeometryFolder = 'Brand-Geometry';

function tokensJson(): string {
  const colors = Object.fromEntries(hybridFluxWave.map((c) => [c.token, { name: c.name, hex: c.hex }]));
  return `${JSON.stringify({ style: 'HYBRID FLUX WAVE', colors }, null, 2)}\n`;
}

function tokensCss(): string {
  const lines = hybridFluxWave.map((c) => `  --levqor-${c.token}: ${c.hex}; /* ${c.name} */`);
  return ['/* HYBRID FLUX WAVE brand tokens (brand-tokens.json holds the same colours). */', ':root {', ...lines, '}', ''].join('\n');
}

function folderLine(f: (typeof omegaFolders)[number]): string {
  const styles = omegaFolderStyles(f);
  const split = styles.length > 0 ? `, ${f.slots / styles.length} per style: ${styles.join(', ')}` : '';
  return `      ${f.folder}/  ${f.slots} PNG slots, ${f.size.width}×${f.size.height}${split}`;
}

function readme(): string {
  return [
    '# Levqor-Omega-Empire-Pack',
    '',
    'The brand and asset pack of every product. Levqor creates what is missing and never',
    'overwrites a file you edited.',
    '',
    '```',
    'Levqor-Omega-Empire-Pack/',
    '  README.md            this file',
    '  brand-tokens.json    the HYBRID FLUX WAVE colours, by token',
    '  brand-tokens.css     the same colours as CSS custom properties (--levqor-<token>)',
    `  ${brandGeometryFolder}/      the brand's shared geometry (shapes, lines, grids) for every product`,
    '  products/',
    '    <slug>/            one tree per product, made by `levqor product compile <slug>`',
    ...omegaFolders.map(folderLine),
    '```',
    '',
  ].join('\n');
}

function ensureFolder(root: string, path: string): OmegaPackEntry {
  const full = join(root, path);
  if (existsSync(full)) return { path, kind: 'folder', state: 'unchanged' };
  mkdirSync(full, { recursive: true });
  return { path, kind: 'folder', state: 'created' };
}

/** Writes a file that is not there; one that is, with other text, is the founder's and stays as it is. */
function ensureFile(root: string, path: string, text: string): OmegaPackEntry {
  const full = join(root, path);
  if (!existsSync(full)) {
    writeFileAtomic(full, text);
    return { path, kind: 'file', state: 'created' };
  }
  return { path, kind: 'file', state: readFileSync(full, 'utf8') === text ? 'unchanged' : 'kept' };
}

/**
 * The root of the Omega pack, beside the per-product trees (`omegaRoot` is its `products/`
 * folder): brand tokens, the Brand-Geometry folder and a README of the layout.
 */
export function createOmegaRootPack(omegaRoot: string): OmegaPackResult {
  const root = dirname(omegaRoot);
  mkdirSync(root, { recursive: true });
  const entries = [
    ensureFolder(root, 'products'),
    ensureFolder(root, brandGeometryFolder),
    ensureFile(root, 'brand-tokens.json', tokensJson()),
    ensureFile(root, 'brand-tokens.css', tokensCss()),
    ensureFile(root, 'README.md', readme()),
  ];
  return { root, entries };
}
