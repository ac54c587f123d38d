import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// the repository root: the site imports the contract and the product schema from ../shared
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

const config: NextConfig = {
  // the end-to-end tests build into their own folder so they never overwrite a founder's build
  distDir: process.env.LEVQOR_SITE_DIST_DIR || '.next',
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  // no AGENTS.md or upgrade notes written into the repository by `next dev`
  agentRules: false,
  experimental: { agentUpgrade: false },
  // `npm run typecheck` at the root checks the site with the rest; checking again here only slows the build
  typescript: { ignoreBuildErrors: true },
};

export default createNextIntlPlugin('./src/i18n/request.ts')(config);
