import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../tests/helpers/cli';

/**
 * Core as it ships: the bundle `npm run bench` builds first (out/main/core.js), not the
 * TypeScript sources through a loader, which adds work of its own to every call.
 */
export async function builtCore(): Promise<typeof import('../src-main/core')> {
  const file = join(repoRoot, 'out/main/core.js');
  if (!existsSync(file)) throw new Error('out/main/core.js is missing: run `npm run build` first (npm run bench does)');
  return (await import(pathToFileURL(file).href)) as typeof import('../src-main/core');
}
