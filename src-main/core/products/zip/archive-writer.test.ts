import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../../tests/helpers/read-zip';
import { writeContent } from '../../../../tests/helpers/products';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { collectContent } from '../collect-content';
import { writeReproducibleZip } from './archive-writer';

const text = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}: the launch checklist, step by step\n`).join('');

/** One of each case: compressed types, sniffed random bytes, text, empty, small and streamed (> 1 MiB). */
function mixedFolder(): string {
  const root = tempDir('levqor-zip-');
  writeContent(root, 'p', {
    'cover.png': Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4096, 1)]),
    'media/clip.MP4': Buffer.alloc(4096, 2),
    'media/photo.jpg': Buffer.alloc(4096, 3),
    'docs/guide.pdf': Buffer.alloc(4096, 4),
    'bundle.zip': Buffer.alloc(4096, 5),
    'noise.dat': randomBytes(200_000),
    'big-noise.bin': randomBytes(3 * 1024 * 1024),
    'big-text.md': text(60_000),
    'notes/plan.txt': text(500),
    'notes/empty.txt': '',
    'notes/ü-unicode.txt': text(10),
  });
  return join(root, 'p');
}

async function zipFolder(folder: string, out: string) {
  return writeReproducibleZip(collectContent(folder, 'p/'), out);
}

/** `unzip -Z` (zipinfo) lines: mode, version, os, size, type, method, date, time, name. */
function zipinfo(path: string): Map<string, { mode: string; os: string; method: string; date: string; time: string }> {
  const run = spawnSync('unzip', ['-Z', path], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const rows = new Map<string, { mode: string; os: string; method: string; date: string; time: string }>();
  for (const line of run.stdout.split('\n')) {
    const m = /^(\S{10})\s+\S+\s+(\S+)\s+\d+\s+\S+\s+(\S+)\s+(\S+)\s+(\S+)\s+(.+)$/.exec(line);
    if (m) rows.set(m[6]!, { mode: m[1]!, os: m[2]!, method: m[3]!, date: m[4]!, time: m[5]! });
  }
  return rows;
}

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

describe('writeReproducibleZip (archiver)', () => {
  it('writes a valid ZIP: compressed types and random bytes stored, text deflated, fixed time and mode', async () => {
    const folder = mixedFolder();
    const out = join(tempDir(), 'out', 'p-1.0.0.zip');
    const result = await zipFolder(folder, out);
    expect(result.entries).toBe(11);
    expect(result.bytes).toBe(readFileSync(out).length);

    const entries = readZip(out);
    expect(entries.map((e) => e.name)).toEqual([
      'big-noise.bin', 'big-text.md', 'bundle.zip', 'cover.png', 'docs/guide.pdf', 'media/clip.MP4', 'media/photo.jpg',
      'noise.dat', 'notes/empty.txt', 'notes/plan.txt', 'notes/ü-unicode.txt',
    ]);
    const method = Object.fromEntries(entries.map((e) => [e.name, e.method]));
    for (const name of ['cover.png', 'media/clip.MP4', 'media/photo.jpg', 'docs/guide.pdf', 'bundle.zip', 'noise.dat', 'big-noise.bin', 'notes/empty.txt']) {
      expect(method[name], name).toBe(0);
    }
    for (const name of ['big-text.md', 'notes/plan.txt', 'notes/ü-unicode.txt']) expect(method[name], name).toBe(8);
    for (const e of entries) {
      expect(e.data.equals(readFileSync(join(folder, e.name))), e.name).toBe(true);
      expect(e).toMatchObject({ mode: 0o100644, dosDate: 0x21, dosTime: 0 });
    }

    if (!hasUnzip) return;
    const test = spawnSync('unzip', ['-tq', out], { encoding: 'utf8' });
    expect(test.stdout).toContain('No errors detected');
    const info = zipinfo(out);
    expect(info.size).toBe(11);
    for (const [name, row] of info) {
      expect(row, name).toMatchObject({ mode: '-rw-r--r--', os: 'unx', date: '80-Jan-01', time: '00:00' });
      expect(row.method === 'stor', name).toBe(method[name] === 0);
    }
  });

  it('gives byte-identical archives across runs, file times, modes and folder locations', async () => {
    const folder = mixedFolder();
    const dir = tempDir();
    const first = await zipFolder(folder, join(dir, 'a.zip'));

    utimesSync(join(folder, 'notes/plan.txt'), new Date(2031, 5, 6), new Date(2031, 5, 6));
    utimesSync(join(folder, 'big-noise.bin'), new Date(1999, 1, 2), new Date(1999, 1, 2));
    chmodSync(join(folder, 'big-text.md'), 0o755);
    chmodSync(join(folder, 'cover.png'), 0o600);
    const second = await zipFolder(folder, join(dir, 'b.zip'));

    const elsewhere = join(tempDir(), 'other-name');
    cpSync(folder, elsewhere, { recursive: true });
    const third = await writeReproducibleZip(collectContent(elsewhere, 'other-name/'), join(dir, 'c.zip'));

    expect(second.sha256).toBe(first.sha256);
    expect(third.sha256).toBe(first.sha256);
    expect(readFileSync(join(dir, 'b.zip')).equals(readFileSync(join(dir, 'a.zip')))).toBe(true);
    expect(readFileSync(join(dir, 'c.zip')).equals(readFileSync(join(dir, 'a.zip')))).toBe(true);
  });

  it('replaces an older archive in one step and leaves no temp file', async () => {
    const folder = mixedFolder();
    const dir = tempDir();
    const out = join(dir, 'p.zip');
    await zipFolder(folder, out);
    appendFileSync(join(folder, 'notes/plan.txt'), 'one more line\n');
    const second = await zipFolder(folder, out);
    expect(readdirSync(dir)).toEqual(['p.zip']);
    expect(readZip(out).find((e) => e.name === 'notes/plan.txt')?.data.toString()).toContain('one more line');
    expect(second.bytes).toBe(readFileSync(out).length);
  });

  it.each([
    ['a large (streamed) file', 'big-text.md'],
    ['a small file', 'notes/plan.txt'],
  ])('refuses %s that grew after the folder was listed, and writes nothing', async (_label, name) => {
    const folder = mixedFolder();
    const entries = collectContent(folder, 'p/');
    appendFileSync(join(folder, name), 'late addition\n');
    const out = join(tempDir(), 'dist', 'p.zip');
    await expect(writeReproducibleZip(entries, out)).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'contentDir',
      message: `contentDir: ${name} changed while it was being zipped; compile again`,
    });
    expect(existsSync(join(out, '..'))).toBe(false);
  });

  it('refuses a file deleted after the folder was listed, naming it and the reason', async () => {
    const folder = mixedFolder();
    const entries = collectContent(folder, 'p/');
    rmSync(join(folder, 'notes/plan.txt'));
    const dir = tempDir();
    await expect(writeReproducibleZip(entries, join(dir, 'p.zip'))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'contentDir: notes/plan.txt changed while it was being zipped (ENOENT); compile again',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    // the two large files come first (sorted names): big-noise.bin, then big-text.md
    ['while a large file streams', (done: number) => done > 0 && done < 3 * 1024 * 1024],
    ['between small files', (done: number, streamedBytes: number) => done > streamedBytes],
  ])('cancels %s: CANCELLED, nothing left in the folder', async (_label, when) => {
    const folder = mixedFolder();
    const entries = collectContent(folder, 'p/');
    const streamedBytes = entries.filter((e) => e.name.startsWith('big-')).reduce((n, e) => n + e.size, 0);
    const dir = tempDir();
    const controller = new AbortController();
    const outcome = writeReproducibleZip(entries, join(dir, 'p.zip'), {
      signal: controller.signal,
      onProgress: (done) => {
        if (!controller.signal.aborted && when(done, streamedBytes)) controller.abort();
      },
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(controller.signal.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50)); // archiver's last callbacks, if any
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports progress as bytes done of the total, in order, ending at the total', async () => {
    const folder = mixedFolder();
    const entries = collectContent(folder, 'p/');
    const total = entries.reduce((n, e) => n + e.size, 0);
    const seen: Array<[number, number]> = [];
    await writeReproducibleZip(entries, join(tempDir(), 'p.zip'), { onProgress: (done, all) => seen.push([done, all]) });
    expect(seen[0]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([, all]) => all === total)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual(seen.map(([done]) => done).sort((a, b) => a - b));
    // the 3 MiB streamed file reports as it goes, not only once it is done
    expect(seen.filter(([done]) => done > 0 && done < 3 * 1024 * 1024).length).toBeGreaterThan(0);
  });
});
