import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isInside, realPathOf } from '../fs/contained-path';
import { removeStaleTemps } from '../fs/temp-files';
import type { ProductsLayout } from './layout';

/** The folders directly in `dir`; links to folders are not followed. */
function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * Removes the temps that compiles killed mid-write left where they write: spec files in the
 * products folder, archives in dist/products/<slug>, manifests in the Omega folders, the site
 * config. An output folder that leads outside the site folder is not swept (the compile refuses
 * it); temps a running writer still holds are kept. The paths removed.
 */
export function sweepStaleTemps(layout: ProductsLayout): string[] {
  const site = realPathOf(layout.siteRoot);
  const outputs = [layout.distDir, layout.omegaRoot, layout.configDir].filter((dir) => isInside(site, realPathOf(dir)));
  const folders = [layout.productsDir, ...outputs.flatMap((dir) => (dir === layout.configDir ? [dir] : subfolders(dir)))];
  return folders.flatMap(removeStaleTemps);
}
