import { closeSync, openSync, readSync } from 'node:fs';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type PngInfo = { png: true; width: number; height: number } | { png: false; problem: string };

/**
 * Reads just enough of a file to say whether it is a real PNG: the 8-byte signature, then the
 * IHDR chunk that must come first (length 13, width and height big-endian, both > 0).
 */
export function readPngInfo(path: string): PngInfo {
  const head = Buffer.alloc(24);
  let read: number;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return { png: false, problem: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (read < 8 || !head.subarray(0, 8).equals(signature)) return { png: false, problem: 'is not a PNG (wrong signature)' };
  if (read < 24 || head.readUInt32BE(8) !== 13 || head.toString('latin1', 12, 16) !== 'IHDR') return { png: false, problem: 'is a damaged PNG (no IHDR header)' };
  const width = head.readUInt32BE(16);
  const height = head.readUInt32BE(20);
  if (width === 0 || height === 0) return { png: false, problem: 'is a PNG with no pixels (0 width or height)' };
  return { png: true, width, height };
}
