import { readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { CoreError } from '../../errors';
import type { ContentEntry } from '../collect-content';
import { isStoredType } from './compressed-types';
import { methodDeflated, methodStored } from './zip-format';

export interface PreparedEntry {
  method: number;
  crc32: number;
  size: number;
  data: Buffer;
}

export function changedWhileZipping(entry: ContentEntry): CoreError {
  return new CoreError('CONFLICT', `contentDir: ${entry.name} changed while it was being zipped; compile again`, 'contentDir');
}

/**
 * A small file, read and compressed in one go (synchronously: for small files zlib's thread
 * pool costs more than the work): deflated when that makes it smaller and its type is not
 * compressed already, stored otherwise.
 */
export function prepareSmall(entry: ContentEntry, level: number): PreparedEntry {
  const buf = readFileSync(entry.path);
  if (buf.length !== entry.size) throw changedWhileZipping(entry);
  const stored = { method: methodStored, crc32: crc32(buf), size: buf.length, data: buf };
  if (buf.length === 0 || isStoredType(entry.name)) return stored;
  const deflated = deflateRawSync(buf, { level });
  return deflated.length < buf.length ? { ...stored, method: methodDeflated, data: deflated } : stored;
}

/** Reads `length` bytes from `position`, or fewer at the end of the file. */
export async function readChunk(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buf : buf.subarray(0, filled);
}
