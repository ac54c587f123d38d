import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { claimTempPath, releaseTemp } from '../fs/temp-files';

/**
 * Writes the whole file or nothing: a temp file beside it, flushed, then renamed over it. The
 * temp is opened exclusively and the rename replaces a link at `path` instead of writing
 * through it, so neither follows a link; the folder is the caller's to check.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const temp = claimTempPath(path);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  } finally {
    releaseTemp(temp);
  }
}
