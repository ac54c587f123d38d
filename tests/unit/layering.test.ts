import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsIn, sourceFiles } from '../helpers/source-imports';

/**
 * ARCHITECTURE §2: dependencies point one way. This reads every import of every source file
 * and fails on one that crosses a layer the wrong way.
 */
const root = resolve(__dirname, '../..');

function layerOf(absolute: string): string {
  const rel = relative(root, absolute).split(sep);
  if (rel[0] === 'src-main') return `src-main/${rel[1] ?? ''}`;
  return rel[0] ?? '';
}

interface Rule {
  layer: string;
  forbiddenLayers: string[];
  forbiddenPackages: RegExp;
}

const rules: Rule[] = [
  { layer: 'src-main/core', forbiddenLayers: ['src-main/electron', 'src-main/server', 'src-main/cli', 'src-main/api', 'src-renderer', 'src-preload', 'tests'], forbiddenPackages: /^electron(\/|$)/ },
  { layer: 'src-main/api', forbiddenLayers: ['src-main/electron', 'src-main/server', 'src-main/cli', 'src-renderer', 'src-preload', 'tests'], forbiddenPackages: /^electron(\/|$)/ },
  { layer: 'src-main/server', forbiddenLayers: ['src-main/electron', 'src-main/cli', 'src-renderer', 'src-preload', 'tests'], forbiddenPackages: /^electron(\/|$)/ },
  { layer: 'src-main/cli', forbiddenLayers: ['src-main/electron', 'src-renderer', 'src-preload', 'tests'], forbiddenPackages: /^electron(\/|$)/ },
  // electron is the one layer that may use the electron package; tests/ is for *.test.ts files only (never checked here)
  { layer: 'src-main/electron', forbiddenLayers: ['src-main/cli', 'src-renderer', 'tests'], forbiddenPackages: /(?!)/ },
  { layer: 'shared', forbiddenLayers: ['src-main/core', 'src-main/api', 'src-main/electron', 'src-main/server', 'src-main/cli', 'src-renderer', 'src-preload'], forbiddenPackages: /^(node:|electron(\/|$)|fs$|path$|os$|crypto$|child_process$|better-sqlite3$|pg$)/ },
  { layer: 'src-renderer', forbiddenLayers: ['src-main/core', 'src-main/api', 'src-main/electron', 'src-main/server', 'src-main/cli', 'src-preload'], forbiddenPackages: /^(node:|electron(\/|$)|better-sqlite3$|pg$)/ },
  { layer: 'src-preload', forbiddenLayers: ['src-main/core', 'src-main/api', 'src-main/server', 'src-main/cli', 'src-renderer'], forbiddenPackages: /^(node:|better-sqlite3$|pg$)/ },
];

function violations(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    const rule = rules.find((r) => from === r.layer);
    if (!rule) continue;
    for (const spec of importsIn(read(file))) {
      const where = `${relative(root, file)} imports '${spec}'`;
      if (spec.startsWith('.')) {
        const to = layerOf(resolve(dirname(file), spec));
        if (rule.forbiddenLayers.includes(to)) found.push(`${where} (${from} must not depend on ${to})`);
      } else if (rule.forbiddenPackages.test(spec)) {
        found.push(`${where} (${from} must not use this package)`);
      }
    }
  }
  return found;
}

describe('layering (ARCHITECTURE §2)', () => {
  const files = ['shared', 'src-main', 'src-renderer', 'src-preload'].flatMap((d) => sourceFiles(join(root, d)));

  it('finds the source files it checks', () => {
    expect(files.some((f) => f.includes(`${sep}core${sep}`))).toBe(true);
  });

  it('has no import that points the wrong way', () => {
    expect(violations(files.filter((f) => !f.endsWith('.test.ts')))).toEqual([]);
  });

  it('catches an electron import in core and a core import from the renderer', () => {
    const bad = [join(root, 'src-main/core/db/open.ts'), join(root, 'src-renderer/src/main.tsx')];
    const fake = new Map([
      [bad[0]!, "import { app } from 'electron';\nimport x from '../../server/http-server';"],
      [bad[1]!, "import { createCore } from '../../src-main/core';"],
    ]);
    const found = violations(bad, (f) => fake.get(f)!);
    expect(found).toHaveLength(3);
    expect(found[0]).toContain("'electron'");
    expect(found[1]).toContain('must not depend on src-main/server');
    expect(found[2]).toContain('must not depend on src-main/core');
  });
});
