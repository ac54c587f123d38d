import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread's script, found wherever core runs from. */
export interface WorkerScript {
  /** Its TypeScript source, relative to src-main/core/ (vitest, tsx). */
  source: string;
  /** Its entry's name in the main build (electron.vite.config.ts): out/main/<built>.js. */
  built: string;
}

/**
 * Starts `script` on a worker thread. From the TypeScript source (vitest, `tsx bench/…`) the
 * worker registers tsx before it imports the source, since Node does not carry a parent's
 * loader into a worker; from the build (the app, `levqor serve`, the CLI) it runs the compiled
 * entry, which sits in out/main/ while this code may sit in a chunk below it.
 */
export function startWorker(script: WorkerScript, options: WorkerOptions = {}): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const source = pathToFileURL(join(dirname(here), script.source)).href;
    return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`, { ...options, eval: true });
  }
  return new Worker(builtScript(dirname(here), `${script.built}.js`), options);
}

function builtScript(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error(`The worker script ${name} is not in the build (looked in ${from} and the folders above it): run \`npm run build\``);
  }
}
