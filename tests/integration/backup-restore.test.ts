import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

beforeAll(assertBuilt);

const password = `restore-${randomBytes(6).toString('hex')}`;

/** Every file under `dir` by its path relative to `dir`, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return files;
}

/** The JSON a command printed, once it has succeeded. */
function answerOf(r: { code: number | null; stdout: string; stderr: string }) {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('levqor backup ls and restore', () => {
  it('restores every file byte for byte, one folder with --include, and refuses a target over live data or not empty', () => {
    const root = tempDir('levqor-backup-restore-');
    const data = join(root, 'data');
    const folder = join(root, 'documents');
    mkdirSync(join(folder, 'contracts', 'signed'), { recursive: true });
    writeFileSync(join(folder, 'invoice.txt'), 'paid');
    writeFileSync(join(folder, 'contracts', 'signed', 'acme.pdf'), randomBytes(300_000));
    writeFileSync(join(folder, 'contracts', 'draft.md'), '# draft\n');
    writeFileSync(join(folder, 'empty.txt'), '');
    const env = { LEVQOR_SECRET_KEY: 'd'.repeat(64) };
    const run = (args: string[], input?: string) => levqor(['--data-dir', data, ...args], input === undefined ? { env } : { env, input });
    const json = (args: string[]) => answerOf(run([...args, '--json']));
    expect(run(['backup', 'plan', 'add', 'docs', '--repo', join(root, 'repo'), '--source', folder], `${password}\n`).code).toBe(0);
    const { snapshotId } = json(['backup', 'run', 'docs', '--wait']);

    const top = json(['backup', 'ls', 'docs', snapshotId, folder]);
    expect(top.snapshot.shortId).toBe(snapshotId);
    expect(top.entries.map((e: { name: string; type: string }) => `${e.name}:${e.type}`).sort()).toEqual(['contracts:dir', 'empty.txt:file', 'invoice.txt:file']);
    expect(run(['backup', 'ls', 'docs', snapshotId, join(folder, 'contracts')]).stdout).toContain(join(folder, 'contracts', 'signed/'));
    expect(json(['backup', 'ls', 'docs', snapshotId, join(folder, 'invoice.txt')]).entries).toEqual([expect.objectContaining({ name: 'invoice.txt', type: 'file', size: 4 })]);

    const whole = join(root, 'restored');
    const done = json(['backup', 'restore', 'docs', top.snapshot.id, '--target', whole]);
    expect(done).toMatchObject({ target: whole, files: 4, operation: { kind: 'restore', status: 'succeeded', snapshotId } });
    const source = filesOf(folder);
    const restored = filesOf(join(whole, folder));
    expect([...restored.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [path, bytes] of source) expect(restored.get(path)!.equals(bytes), path).toBe(true);

    const part = join(data, 'restores', 'contracts-only');
    const one = json(['backup', 'restore', 'docs', snapshotId, '--target', part, '--include', join(folder, 'contracts', 'signed')]);
    expect(one.files).toBe(1);
    expect(readFileSync(join(part, folder, 'contracts', 'signed', 'acme.pdf')).equals(source.get(join('contracts', 'signed', 'acme.pdf'))!)).toBe(true);

    const history = () => json(['backup', 'history', 'docs']).operations.length;
    const before = history();
    const refusals: Array<[string[], RegExp]> = [
      [['--target', whole], /^levqor: --target: .* is not empty/],
      [['--target', join(folder, 'old')], /^levqor: --target: .* is inside .*documents, which a backup plan backs up/],
      [['--target', join(data, 'here')], /^levqor: --target: .* is inside the app's data folder/],
      [['--target', join(root, 'fresh'), '--include', 'contracts'], /^levqor: --include: must be a path inside the snapshot/],
      [['--target', join(root, 'fresh'), '--include', join(folder, 'nope')], /^levqor: --include: there is nothing at/],
      [[], /^levqor: --target: is required/],
    ];
    for (const [extra, said] of refusals) {
      const r = run(['backup', 'restore', 'docs', snapshotId, ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(said);
    }
    const bad = run(['backup', 'restore', 'docs', 'xyz', '--target', join(root, 'fresh')]);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/^levqor: SNAPSHOT: must be a snapshot id/) });
    expect(history()).toBe(before);
    expect(readdirSync(root).sort()).toEqual(['data', 'documents', 'repo', 'restored']);
  });
});
