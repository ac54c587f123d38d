// Makes sure the site has products to show before `next dev` / `next build`.
//
// LEVQOR_SITE_ROOT set: that folder is the founder's site root (the launch pipeline writes
// src/config/products.json and the Omega tree there); it is only checked.
// Not set: the repository's example products (products/) are compiled with the app's own
// `levqor product compile --no-upload` into site/.site-root (or the folder given as argument).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const siteDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(siteDir, '..');
const specSuffix = '.product.json';

function fail(message) {
  console.error(`prepare-content: ${message}`);
  process.exit(1);
}

/** Copies the example products into `root`/products and compiles each; returns the slugs. */
export function compileExamples(root) {
  const cli = join(repoRoot, 'bin', 'levqor.js');
  if (!existsSync(join(repoRoot, 'out', 'main', 'cli.js'))) fail('the app is not built: run `npm run build` at the repository root first');
  const productsDir = join(root, 'products');
  // compiled fresh each time; public/ (images the founder dropped in) is kept
  rmSync(productsDir, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(repoRoot, 'products'), productsDir, { recursive: true });
  const slugs = readdirSync(productsDir).filter((f) => f.endsWith(specSuffix)).map((f) => f.slice(0, -specSuffix.length));
  for (const slug of slugs) {
    const args = [cli, '--data-dir', join(root, '.data'), '--products-dir', productsDir, 'product', 'compile', slug, '--no-upload'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, LEVQOR_LOG_LEVEL: 'warn' } });
    if (run.status !== 0) fail(`compiling ${slug} failed: ${run.stderr.trim() || run.stdout.trim()}`);
  }
  return slugs;
}

const given = process.env.LEVQOR_SITE_ROOT;
if (given && !process.argv[2]) {
  if (!existsSync(join(given, 'src', 'config', 'products.json'))) {
    console.warn(`prepare-content: ${given}/src/config/products.json is missing: the site will say no products are published yet (compile one with levqor product compile)`);
  }
} else {
  const root = resolve(process.argv[2] ?? join(siteDir, '.site-root'));
  const slugs = compileExamples(root);
  console.log(`prepare-content: compiled ${slugs.join(', ')} into ${root}`);
}
