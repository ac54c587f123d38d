import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadPid } from '../../../tests/helpers/dead-pid';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { claimTempPath, releaseTemp, removeStaleTemps } from './temp-files';

describe('removeStaleTemps', () => {
  it('removes the temps of dead writers and keeps those of live ones', () => {
    const dir = tempDir();
    const dead = join(dir, `.a.zip.${deadPid()}-0123abcd.tmp`);
    const live = join(dir, `.a.zip.${process.ppid}-0123abcd.tmp`); // the test runner: alive
    for (const p of [dead, live]) writeFileSync(p, 'x');
    expect(removeStaleTemps(dir)).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it("keeps this process's temps while it holds them and removes them once released", () => {
    const dir = tempDir();
    const held = claimTempPath(join(dir, 'products.json'));
    writeFileSync(held, 'x');
    expect(removeStaleTemps(dir)).toEqual([]);
    releaseTemp(held);
    writeFileSync(held, 'x'); // a temp whose writer gave up on it without removing it
    expect(removeStaleTemps(dir)).toEqual([held]);
  });

  it('leaves alone what is not a temp of ours: other names, folders and links', () => {
    const dir = tempDir();
    const pid = deadPid();
    const others = ['notes.tmp', `.a.zip.${pid}.tmp`, `a.zip.${pid}-0123abcd.tmp`, `.a.zip.${pid}-0123abcd.tmp.bak`];
    for (const n of others) writeFileSync(join(dir, n), 'x');
    mkdirSync(join(dir, `.b.zip.${pid}-0123abcd.tmp`));
    symlinkSync(join(dir, 'notes.tmp'), join(dir, `.c.zip.${pid}-0123abcd.tmp`));
    expect(removeStaleTemps(dir)).toEqual([]);
    expect(removeStaleTemps(join(dir, 'missing'))).toEqual([]);
  });
});
