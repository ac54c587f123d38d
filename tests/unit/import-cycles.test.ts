import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsIn, sourceFiles } from '../helpers/source-imports';

/**
 * No two files of src-main/ import each other, directly or round a loop: a loop makes the
 * order modules load in matter (a value read before its module ran is undefined) and is
 * usually a type or helper that belongs in a file of its own. Type-only imports count too.
 */
const root = resolve(__dirname, '../..');

type Graph = Map<string, string[]>;

/** A relative specifier as the bundler resolves it: the file, .ts/.tsx added, or the folder's index. */
function resolveSpecifier(from: string, spec: string, exists: (file: string) => boolean): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(exists);
}

function importGraph(files: string[], read: (file: string) => string, exists: (file: string) => boolean): Graph {
  const known = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = importsIn(read(file))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolveSpecifier(file, spec, exists))
      .filter((target): target is string => target !== undefined && known.has(target));
    graph.set(file, targets);
  }
  return graph;
}

/** Every loop a depth-first walk meets, each as the files round it (the first one repeated last). */
function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string) => {
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) {
      if (onPath.has(next)) found.push([...path.slice(path.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return found;
}

const shown = (loop: string[]) => loop.map((f) => relative(root, f)).join(' → ');

describe('import cycles in src-main/', () => {
  const files = sourceFiles(join(root, 'src-main'));

  it('reads the imports it checks', () => {
    const graph = importGraph(files, (f) => readFileSync(f, 'utf8'), existsSync);
    const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
    expect(edges).toBeGreaterThan(files.length);
  });

  it('has none', () => {
    const graph = importGraph(files, (f) => readFileSync(f, 'utf8'), existsSync);
    expect(cycles(graph).map(shown)).toEqual([]);
  });

  it('finds a loop through a type-only import and a folder index, and none in a diamond', () => {
    const at = (p: string) => join(root, 'src-main/core/x', p);
    const fake = new Map([
      [at('a.ts'), "import { b } from './b';\nimport { d } from './d';"],
      [at('b.ts'), "import type { C } from './c';"],
      [at('c/index.ts'), "export { a } from '../a';"],
      [at('d.ts'), "import { e } from './e';"],
      [at('e.ts'), "import { b } from './b';"],
    ]);
    const graph = importGraph([...fake.keys()], (f) => fake.get(f)!, (f) => fake.has(f));
    expect(cycles(graph).map(shown)).toEqual(['src-main/core/x/a.ts → src-main/core/x/b.ts → src-main/core/x/c/index.ts → src-main/core/x/a.ts']);
  });
});
