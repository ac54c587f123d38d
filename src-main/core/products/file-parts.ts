import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { claimTempPath, releaseTemp } from '../fs/temp-files';

/** One part of a file a page sends: the whole file's size, where this part starts, its bytes. */
export interface FilePart {
  size: number;
  offset: number;
  data: Buffer;
}

export interface PartWritten {
  received: number;
  size: number;
  /** The last part arrived: the file is in place. */
  done: boolean;
}

interface Pending {
  temp: string;
  fd: number;
  size: number;
  received: number;
  lastAt: number;
}

/** A file whose next part does not come within this is given up and its temp removed. */
const idleMs = 10 * 60_000;

/**
 * Files that arrive in parts (a page sends at most filePartMaxBytes per call). Parts go, in
 * order, into a temp file in `tempDir` (outside the folder a compile reads, on the same disk);
 * the last one is flushed, checked by `finish` (a PNG must be one), and renamed over the
 * target, which replaces a link there instead of writing through it. Until then the target is
 * untouched, and a refused part changes nothing. The caller checks where the target is.
 */
export class FileParts {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly clock: Clock) {}

  write(target: string, tempDir: string, part: FilePart, finish?: (temp: string) => string | undefined): PartWritten {
    this.dropIdle();
    const { size, offset, data } = part;
    if (offset + data.length > size) throw new CoreError('BAD_INPUT', `data: this part ends at byte ${offset + data.length}, past the file's size (${size})`, 'data');
    if (data.length === 0 && offset + data.length < size) throw new CoreError('BAD_INPUT', 'data: must not be empty before the end of the file', 'data');
    let p = this.pending.get(target);
    if (offset === 0) {
      if (p) this.abandon(target, p);
      p = this.start(target, tempDir, size);
    } else if (!p || p.size !== size || p.received !== offset) {
      const expected = p && p.size === size ? `byte ${p.received}` : 'a first part at offset 0';
      throw new CoreError('CONFLICT', `offset: ${offset} is not where this file stands; send ${expected}`, 'offset');
    }
    try {
      if (data.length > 0) writeSync(p.fd, data, 0, data.length, offset);
    } catch (err) {
      this.abandon(target, p);
      throw err;
    }
    p.received += data.length;
    p.lastAt = this.clock.now();
    if (p.received < size) return { received: p.received, size, done: false };
    this.pending.delete(target);
    try {
      try {
        fsyncSync(p.fd);
      } finally {
        closeSync(p.fd);
      }
      const problem = finish?.(p.temp);
      if (problem) throw new CoreError('BAD_INPUT', `data: ${problem}`, 'data');
      renameSync(p.temp, target);
    } catch (err) {
      rmSync(p.temp, { force: true });
      throw err;
    } finally {
      releaseTemp(p.temp);
    }
    return { received: size, size, done: true };
  }

  private start(target: string, tempDir: string, size: number): Pending {
    const temp = claimTempPath(join(tempDir, basename(target)));
    try {
      const p = { temp, fd: openSync(temp, 'wx', 0o644), size, received: 0, lastAt: this.clock.now() };
      this.pending.set(target, p);
      return p;
    } catch (err) {
      releaseTemp(temp);
      throw err;
    }
  }

  private abandon(target: string, p: Pending): void {
    this.pending.delete(target);
    try {
      closeSync(p.fd);
    } catch {
      // closed already
    }
    rmSync(p.temp, { force: true });
    releaseTemp(p.temp);
  }

  private dropIdle(): void {
    const now = this.clock.now();
    for (const [target, p] of this.pending) if (now - p.lastAt > idleMs) this.abandon(target, p);
  }
}
