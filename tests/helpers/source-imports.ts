import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The source files of a folder and the module specifiers each imports, read as text: what
 * the layering and import-cycle tests check, without compiling anything.
 */

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

// `import … from`, `export … from`, `import '…'`, `import(…)`, `require(…)`
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

export function importsIn(text: string): string[] {
  return [...text.matchAll(importPattern)].map((m) => m[1]!);
}
