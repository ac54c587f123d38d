import { join } from 'node:path';
import { omegaPackDir } from '../../../shared/omega';

/**
 * The site root the launch pipeline writes (src-main/core/products/layout.ts): `src/config/products.json`
 * and the Omega tree under `public/assets/…`. LEVQOR_SITE_ROOT names it; by default it is
 * site/.site-root, which `scripts/prepare-content.mjs` fills with the repository's example products.
 */
export function siteRoot(): string {
  // read at build time only: the bundler must not try to trace this folder into the server output
  return process.env.LEVQOR_SITE_ROOT || join(/*turbopackIgnore: true*/ process.cwd(), '.site-root');
}

export function productsConfigPath(): string {
  return join(siteRoot(), 'src', 'config', 'products.json');
}

export function omegaRoot(): string {
  return join(siteRoot(), ...omegaPackDir.split('/'));
}
