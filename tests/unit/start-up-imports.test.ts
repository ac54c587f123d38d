import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../helpers/source-imports';

/**
 * The clients of outside services are loaded on first use (core/lazy-package.ts, or `await
 * import()` for ES-module-only packages), so the CLI and `levqor serve` start without them. A
 * value import of one of them anywhere in the main process would put it back on every start.
 */
const root = resolve(__dirname, '../..');
const loadedOnFirstUse = ['stripe', 'openai', '@googleapis/drive', 'nodemailer', 'archiver', 'jsonata', 'pg-copy-streams', 'pg-boss'];

// a static `import X from 'pkg'` / `import { X } from 'pkg'` / `export … from 'pkg'`, but not `import type`
const staticValueImport = /^\s*(?:import|export)\s+(?!type\b)[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm;

function eagerImports(text: string): string[] {
  return [...text.matchAll(staticValueImport)].map((m) => m[1]!).filter((name) => loadedOnFirstUse.includes(name));
}

describe('start-up imports', () => {
  it('no main-process source imports an outside service client at start-up', () => {
    const found: string[] = [];
    for (const dir of ['src-main', 'shared']) {
      for (const file of sourceFiles(resolve(root, dir))) {
        if (/\.test\.tsx?$/.test(file)) continue;
        for (const name of eagerImports(readFileSync(file, 'utf8'))) found.push(`${relative(root, file)} imports ${name}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the check itself sees a value import and lets a type import through', () => {
    expect(eagerImports("import Stripe from 'stripe';\nimport type OpenAI from 'openai';\nimport { drive } from '@googleapis/drive';")).toEqual(['stripe', '@googleapis/drive']);
  });
});
