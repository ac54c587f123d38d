import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProcedureName, rendererProcedureNames } from '../../shared/contract';

/**
 * shared/contract/renderer-procedures.ts is all the desktop window may call (the preload
 * exposes it, ipc.ts enforces it). This reads the renderer's source and fails when the list
 * and the calls differ either way: a call missing from the list would fail in the app, and a
 * name no longer called keeps a door open for nothing.
 */
const root = resolve(__dirname, '../..');
const rendererSource = join(root, 'src-renderer', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

// `api.ns.method(` or `getApi().ns.method(`, also split over lines (`getApi()\n  .ns.method(`)
const callPattern = /\b(?:api|getApi\(\))\s*\.\s*([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)\s*\(/g;
// the API reached by a computed name would hide a call from the pattern above
const computedAccess = /\b(?:api|getApi\(\))\s*(?:\?\.)?\s*\[/;

function procedureCalls(text: string): string[] {
  return [...text.matchAll(callPattern)].map((m) => `${m[1]}.${m[2]}`);
}

function scanRenderer(): { calls: Set<string>; computed: string[] } {
  const calls = new Set<string>();
  const computed: string[] = [];
  for (const file of sourceFiles(rendererSource)) {
    const text = readFileSync(file, 'utf8');
    for (const name of procedureCalls(text)) calls.add(name);
    if (computedAccess.test(text)) computed.push(relative(root, file));
  }
  return { calls, computed };
}

describe('the renderer procedure list', () => {
  it('is exactly the procedures src-renderer/src calls', () => {
    const { calls, computed } = scanRenderer();
    expect(computed, 'reach the API by name (api.ns.method(...)), never by a computed key').toEqual([]);
    const listed = new Set<string>(rendererProcedureNames);
    expect([...calls].filter((name) => !listed.has(name)).sort(), 'called by the renderer but not on the list').toEqual([]);
    expect([...listed].filter((name) => !calls.has(name)).sort(), 'on the list but no longer called').toEqual([]);
  });

  it('names real procedures, each once', () => {
    expect(rendererProcedureNames.filter((name) => !isProcedureName(name))).toEqual([]);
    expect(new Set(rendererProcedureNames).size).toBe(rendererProcedureNames.length);
  });

  it('leaves out the procedures that read a file by path', () => {
    expect(rendererProcedureNames).not.toContain('telemetry.ingest');
    expect(rendererProcedureNames).not.toContain('products.validate');
  });

  it('sees calls split over lines and ignores look-alikes', () => {
    const sample = [
      'const a = await getApi().workflows.get({ id });',
      'getApi()\n      .schedule.preview({ workflow, count: 5 })',
      'await api.settings.set({ key, value });',
      'out.runs.map((r) => r.id); list.products.filter(Boolean); myapi.stage.get();',
      "getApi().on('run.finished', refresh);",
    ].join('\n');
    expect(procedureCalls(sample)).toEqual(['workflows.get', 'schedule.preview', 'settings.set']);
    expect(computedAccess.test('getApi()[ns][method]({})')).toBe(true);
    expect(computedAccess.test('api.stage.get()')).toBe(false);
  });
});
