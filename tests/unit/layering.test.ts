import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsIn, sourceFiles } from '../helpers/source-imports';

/**
 * docs/architecture.md, import rules: dependencies point one way. This reads every import of every source file
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
  // the companion site is a separate deployment: it shares only shared/ with the app
  { layer: 'site', forbiddenLayers: ['src-main/core', 'src-main/api', 'src-main/electron', 'src-main/server', 'src-main/cli', 'src-renderer', 'src-preload', 'tests'], forbiddenPackages: /^(electron(\/|$)|better-sqlite3$)/ },
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

/**
 * Inside core: the ground floor (core/*.ts, core/db, core/fs) is shared machinery; every
 * other folder is a capability (approvals, workflows, products, guardian…). A capability
 * reaches another only through its public entry, core/<capability>/index.ts (imported as
 * '../<capability>'); the ground floor depends on no capability, except the composition
 * root core/index.ts that wires them; and nothing in core imports tests/.
 */
const coreRoot = join(root, 'src-main', 'core');
const compositionRoot = join(coreRoot, 'index.ts');
const groundFloorFolders = new Set(['db', 'fs']);
const testsRoot = join(root, 'tests');

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The capability a path under core/ belongs to; undefined for the ground floor and anything outside core. */
function capabilityOf(absolute: string): string | undefined {
  const rel = relative(coreRoot, absolute).split(sep);
  const top = rel[0] ?? '';
  if (top === '' || top === '..' || groundFloorFolders.has(top)) return undefined;
  return rel.length > 1 || isDirectory(join(coreRoot, top)) ? top : undefined;
}

/** core/<capability> itself (its index.ts) or core/<capability>/index. */
function isPublicEntry(absolute: string, capability: string): boolean {
  return ['', 'index', 'index.ts'].includes(relative(join(coreRoot, capability), absolute));
}

function coreViolations(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (relative(coreRoot, file).startsWith('..')) continue;
    const from = capabilityOf(file);
    for (const spec of importsIn(read(file))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const where = `${relative(root, file)} imports '${spec}'`;
      if (!relative(testsRoot, target).startsWith('..')) {
        found.push(`${where} (core must not depend on tests/)`);
        continue;
      }
      const to = capabilityOf(target);
      if (!from && to && file !== compositionRoot) {
        found.push(`${where} (the ground floor of core must not depend on the capability core/${to})`);
      } else if (from && to && from !== to && !isPublicEntry(target, to)) {
        found.push(`${where} (core/${from} may use core/${to} only through its public entry '${relative(dirname(file), join(coreRoot, to))}')`);
      }
    }
  }
  return found;
}

describe('layering (docs/architecture.md)', () => {
  const files = ['shared', 'src-main', 'src-renderer', 'src-preload', 'site/src'].flatMap((d) => sourceFiles(join(root, d)));

  it('finds the source files it checks', () => {
    expect(files.some((f) => f.includes(`${sep}core${sep}`))).toBe(true);
  });

  it('has no import that points the wrong way', () => {
    expect(violations(files.filter((f) => !f.endsWith('.test.ts')))).toEqual([]);
  });

  it('has no core file that imports tests/ or another capability\u2019s internals', () => {
    expect(coreViolations(files.filter((f) => !f.endsWith('.test.ts')))).toEqual([]);
  });

  it('catches core importing tests/, and a capability reaching past another\u2019s public entry', () => {
    const bad = join(root, 'src-main/core/products/upload-approval.ts');
    const text = [
      "import { tempDir } from '../../../tests/helpers/temp-dir';",
      "import { ApprovalService } from '../approvals/approval-service';",
      "import { defineApprovalSubject } from '../approvals';",
      "import { ApprovalStore } from '../approvals/index';",
      "import type { Db } from '../db/open';",
      "import { CoreError } from '../errors';",
      "import { publicUpload } from './upload-store';",
    ].join('\n');
    const found = coreViolations([bad], () => text);
    expect(found).toEqual([
      "src-main/core/products/upload-approval.ts imports '../../../tests/helpers/temp-dir' (core must not depend on tests/)",
      "src-main/core/products/upload-approval.ts imports '../approvals/approval-service' (core/products may use core/approvals only through its public entry '../approvals')",
    ]);
    const floor = join(root, 'src-main/core/background.ts');
    expect(coreViolations([floor], () => "import { ApprovalService } from './approvals';\nimport type { Clock } from './clock';")).toEqual([
      "src-main/core/background.ts imports './approvals' (the ground floor of core must not depend on the capability core/approvals)",
    ]);
    expect(coreViolations([compositionRoot], () => "import { ApprovalService } from './approvals/approval-service';")).toEqual([]);
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

const areasDir = join(root, 'src-renderer/src/areas');
const areasList = join(areasDir, 'index');

/** The area a path lies in (`areas/<id>/…` or the folder itself), or undefined outside any area. */
function areaOf(path: string): string | undefined {
  const [first, ...rest] = relative(areasDir, path).split(sep);
  if (!first || first === '..' || first === 'README.md') return undefined;
  return rest.length === 0 && /^index(\.ts)?$/.test(first) ? undefined : first;
}

/** Imports that reach into an area from another area, or into the areas from anywhere but the list and App.tsx. */
function areaCrossings(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = areaOf(file);
    const isList = file === `${areasList}.ts`;
    for (const spec of importsIn(read(file)).filter((s) => s.startsWith('.'))) {
      const target = resolve(dirname(file), spec);
      const to = areaOf(target);
      const toList = target === areasDir || target === areasList;
      const allowed = to === undefined ? !toList || file.endsWith(`${sep}App.tsx`) : from === to || isList;
      if (!allowed) found.push(`${relative(root, file)} imports '${spec}'`);
    }
  }
  return found;
}

describe('renderer areas (src-renderer/src/areas/README.md)', () => {
  it('keeps one folder per area, each with its index.tsx, and only the list beside them', () => {
    const loose = readdirSync(areasDir).filter((name) => !statSync(join(areasDir, name)).isDirectory());
    expect(loose.sort()).toEqual(['README.md', 'index.ts']);
    const listed = [...readFileSync(join(root, 'shared/areas.ts'), 'utf8').matchAll(/\bid: '([a-z-]+)'/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(readFileSync(join(areasDir, id, 'index.tsx'), 'utf8')).toMatch(/export (default|\{ default \})/);
  });

  it('has no area importing another, and nothing but App.tsx importing the list', () => {
    expect(areaCrossings(sourceFiles(join(root, 'src-renderer/src')))).toEqual([]);
  });

  it('catches an area reaching into another and a component reaching into an area', () => {
    const guardian = join(areasDir, 'guardian/Tiles.tsx');
    const sidebar = join(root, 'src-renderer/src/components/Sidebar.tsx');
    const fake = new Map([
      [guardian, "import { formatCount } from '../telemetry/format';\nimport Telemetry from '../telemetry';\nimport { x } from './format';"],
      [sidebar, "import { usePendingCount } from '../areas/approvals/use-approvals';\nimport { areaPages } from '../areas';"],
    ]);
    expect(areaCrossings([guardian, sidebar], (f) => fake.get(f)!)).toEqual([
      "src-renderer/src/areas/guardian/Tiles.tsx imports '../telemetry/format'",
      "src-renderer/src/areas/guardian/Tiles.tsx imports '../telemetry'",
      "src-renderer/src/components/Sidebar.tsx imports '../areas/approvals/use-approvals'",
      "src-renderer/src/components/Sidebar.tsx imports '../areas'",
    ]);
  });
});
