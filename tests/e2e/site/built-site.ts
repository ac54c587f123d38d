import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { omegaFileName } from '../../../shared/omega';
import { greyPng } from '../../helpers/png';
import { freePort } from '../../helpers/free-port';
import { repoRoot } from '../server-process';
import { startFormsDatabase, type FormsSite } from './forms-database';

/**
 * The companion site built and served as in production: the repository's example products
 * compiled into a temporary site root (site/scripts/prepare-content.mjs), `next build` into
 * site/.next/e2e, then `next start` on a free port. One product has its cover and thumbnail
 * but no hero (the hero falls back to the cover); the other has no image at all.
 */
export interface BuiltSite {
  baseUrl: string;
  /** The product with a cover and a thumbnail, and the one with no image. */
  withImages: string;
  withoutImages: string;
  buildMs: number;
}

const siteDir = join(repoRoot, 'site');
const nextBin = join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
const withImages = 'ascend-launch-system';
const withoutImages = 'automation-accelerator-pack';

function siteEnv(root: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LEVQOR_SITE_ROOT: root, LEVQOR_SITE_DIST_DIR: '.next/e2e', LEVQOR_SITE_URL: `http://127.0.0.1:${port}`, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const out = spawnSync(process.execPath, args, { cwd: siteDir, env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`${args.join(' ')} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
}

function seedImages(root: string): void {
  const dir = join(root, 'public', 'assets', 'Levqor-Omega-Empire-Pack', 'products', withImages);
  for (const [folder, prefix] of [['Product-Cover', 'cover'], ['Thumbnails', 'thumbnail']] as const) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, omegaFileName(prefix, 1)), greyPng(64, 36));
  }
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(url, { redirect: 'manual' }).then((r) => r.status < 500, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not answer within 30 s:\n${output()}`);
}

/** The built site on disk: its root and environment, shared by every server the specs start. */
interface SiteBuild {
  env: NodeJS.ProcessEnv;
  /** The port the build's absolute URLs (canonical, sitemap, Open Graph) name: the `site` server's. */
  port: number;
  buildMs: number;
}

/** `next start` of the build on a free port, with `extraEnv` (DATABASE_URL for the forms); stop() ends it. */
async function startSite(build: SiteBuild, port: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ baseUrl: string; stop: () => void }> {
  const env = { ...build.env, ...extraEnv, PORT: String(port) };
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseUrl}/en`, server, () => output);
  } catch (err) {
    server.kill('SIGTERM');
    throw err;
  }
  return { baseUrl, stop: () => server.kill('SIGTERM') };
}

export const test = base.extend<object, { siteBuild: SiteBuild; site: BuiltSite; formsSite: FormsSite }>({
  siteBuild: [
    async ({}, use) => {
      const root = mkdtempSync(join(tmpdir(), 'levqor-site-'));
      const port = await freePort();
      const env = siteEnv(root, port);
      run(['scripts/prepare-content.mjs', root], env);
      seedImages(root);
      const started = Date.now();
      run([nextBin, 'build'], env);
      try {
        await use({ env, port, buildMs: Date.now() - started });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    // `next build` of 40 languages × the example products: well under 3 minutes, even on a busy machine
    { scope: 'worker', timeout: 240_000 },
  ],
  // without DATABASE_URL: what a site not yet connected to the shared Postgres shows
  site: [
    async ({ siteBuild }, use) => {
      const server = await startSite(siteBuild, siteBuild.port);
      try {
        await use({ baseUrl: server.baseUrl, withImages, withoutImages, buildMs: siteBuild.buildMs });
      } finally {
        server.stop();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // the same build served against a real Postgres migrated with the app's remote migrations
  formsSite: [
    async ({ siteBuild }, use) => {
      const db = await startFormsDatabase();
      try {
        const server = await startSite(siteBuild, await freePort(), { DATABASE_URL: db.url });
        try {
          await use({ baseUrl: server.baseUrl, withImages, rows: db.rows });
        } finally {
          server.stop();
        }
      } finally {
        await db.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

export { expect } from '@playwright/test';
