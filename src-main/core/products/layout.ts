import { dirname, join, resolve } from 'node:path';
import { omegaPackDir } from '../../../shared/omega';

/**
 * Where a product's files live. The products folder holds the specs and content folders; its
 * parent is the site root, as in the seed's site repository:
 *
 *   <site>/products/<slug>.product.json       the spec
 *   <site>/products/<slug>/                   the content that goes into the ZIP
 *   <site>/dist/products/<slug>/<slug>-<version>.zip
 *   <site>/src/config/products.ts, products.json
 *   <site>/public/assets/Levqor-Omega-Empire-Pack/products/<slug>/
 *
 * With the default products folder (`<dataDir>/products`) the site root is the data dir.
 */
export interface ProductsLayout {
  productsDir: string;
  siteRoot: string;
  distDir: string;
  configDir: string;
  omegaRoot: string;
}

export function productsLayout(productsDirSetting: string, dataDir: string): ProductsLayout {
  const productsDir = resolve(productsDirSetting || join(dataDir, 'products'));
  const siteRoot = dirname(productsDir);
  return {
    productsDir,
    siteRoot,
    distDir: join(siteRoot, 'dist', 'products'),
    configDir: join(siteRoot, 'src', 'config'),
    omegaRoot: join(siteRoot, ...omegaPackDir.split('/')),
  };
}

export const specSuffix = '.product.json';

/** Where a product's spec and content live (no version needed). */
export function specPaths(layout: ProductsLayout, slug: string): { specFile: string; contentDir: string } {
  return { specFile: join(layout.productsDir, `${slug}${specSuffix}`), contentDir: join(layout.productsDir, slug) };
}

export interface ProductPaths {
  specFile: string;
  contentDir: string;
  zipDir: string;
  zipPath: string;
  omegaDir: string;
}

export function productPaths(layout: ProductsLayout, slug: string, version: string): ProductPaths {
  const zipDir = join(layout.distDir, slug);
  return {
    ...specPaths(layout, slug),
    zipDir,
    zipPath: join(zipDir, `${slug}-${version}.zip`),
    omegaDir: join(layout.omegaRoot, slug),
  };
}
