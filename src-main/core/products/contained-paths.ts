import { dirname } from 'node:path';
import { requireInside } from '../fs/contained-path';
import { productPaths, specPaths, type ProductPaths, type ProductsLayout } from './layout';
import { siteConfigPaths } from './site-config';

/**
 * The paths of layout.ts, checked against links before a compile or an edit uses them.
 *
 * What is read, the spec and the content folder, must stay inside the products folder; what is
 * written must stay inside its output folder (dist/products, the Omega products folder,
 * src/config), and those inside the site folder. A link that stays inside is followed; one that
 * leads out is refused before anything is read or written.
 */

/** A path that must stay inside a root once links are followed: [root, path, field, the root in words]. */
type Containment = readonly [root: string, path: string, field: string, rootName: string];

const productsFolder = 'the products folder';
const siteFolder = 'the site folder';

function requireAll(rules: readonly Containment[]): void {
  for (const rule of rules) requireInside(...rule);
}

function specRules(layout: ProductsLayout, paths: { specFile: string; contentDir: string }): Containment[] {
  return [
    [layout.productsDir, paths.specFile, 'file', productsFolder],
    [layout.productsDir, paths.contentDir, 'contentDir', productsFolder],
  ];
}

function siteConfigRules(layout: ProductsLayout): Containment[] {
  const { json, ts } = siteConfigPaths(layout.configDir);
  return [
    [layout.siteRoot, layout.configDir, 'siteConfig', siteFolder],
    [layout.configDir, json, 'siteConfig', 'the site config folder src/config'],
    [layout.configDir, ts, 'siteConfig', 'the site config folder src/config'],
  ];
}

export function containedSpecPaths(layout: ProductsLayout, slug: string): { specFile: string; contentDir: string } {
  const paths = specPaths(layout, slug);
  requireAll(specRules(layout, paths));
  return paths;
}

export function containedConfigDir(layout: ProductsLayout): string {
  requireAll(siteConfigRules(layout));
  return layout.configDir;
}

/** The Omega pack's products folder, once its root is known to stay inside the site folder. */
export function containedOmegaRoot(layout: ProductsLayout): string {
  requireAll([[layout.siteRoot, dirname(layout.omegaRoot), 'root', siteFolder]]);
  return layout.omegaRoot;
}

export function containedProductPaths(layout: ProductsLayout, slug: string, version: string): ProductPaths {
  const paths = productPaths(layout, slug, version);
  requireAll([
    ...specRules(layout, paths),
    [layout.siteRoot, layout.distDir, 'zipPath', siteFolder],
    [layout.distDir, paths.zipDir, 'zipPath', 'the archives folder dist/products'],
    [layout.siteRoot, layout.omegaRoot, 'omegaDir', siteFolder],
    [layout.omegaRoot, paths.omegaDir, 'omegaDir', 'the Omega products folder'],
    ...siteConfigRules(layout),
  ]);
  return paths;
}
