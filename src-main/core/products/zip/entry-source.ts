import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { CoreError } from '../../errors';
import type { ContentEntry } from '../collect-content';
import { isStoredType, looksIncompressible, probeBytes } from './compressed-types';

/** What archiver is given for one file, and whether it stores rather than deflates it. */
export interface EntrySource {
  data: Buffer | Readable;
  store: boolean;
}

/** Files up to this size are read whole and handed over as one buffer; larger ones are streamed. */
export const inMemoryBytes = 1 << 20;
const streamChunkBytes = 1 << 20;

function changedWhileZipping(entry: ContentEntry, err?: unknown): CoreError {
  const why = err ? ` (${(err as NodeJS.ErrnoException).code ?? 'read error'})` : '';
  return new CoreError('CONFLICT', `contentDir: ${entry.name} changed while it was being zipped${why}; compile again`, 'contentDir');
}

/**
 * Stored when its type is compressed already, when it is empty, or when a deflate of its first
 * bytes saves nothing (random or encrypted data). Decided from the name and the bytes alone, so
 * the same file always gets the same method.
 */
function shouldStore(entry: ContentEntry, head: Buffer): boolean {
  return entry.size === 0 || isStoredType(entry.name) || looksIncompressible(head);
}

function readHead(entry: ContentEntry): Buffer {
  const buf = Buffer.allocUnsafe(Math.min(probeBytes, entry.size));
  let filled = 0;
  try {
    const fd = openSync(entry.path, 'r');
    try {
      while (filled < buf.length) {
        const n = readSync(fd, buf, filled, buf.length - filled, filled);
        if (n === 0) break;
        filled += n;
      }
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw changedWhileZipping(entry, err);
  }
  return buf.subarray(0, filled);
}

/**
 * The file's bytes, counted as archiver pulls them (progress for large files comes from here),
 * failing at the end if the file is no longer the size it had when the folder was listed.
 */
function countedStream(entry: ContentEntry, onBytes: (n: number) => void): Readable {
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      onBytes(chunk.length);
      done(null, chunk);
    },
    flush(done) {
      done(read === entry.size ? null : changedWhileZipping(entry));
    },
  });
  const file = createReadStream(entry.path, { highWaterMark: streamChunkBytes });
  file.once('error', (err) => counter.destroy(changedWhileZipping(entry, err)));
  counter.once('close', () => file.destroy());
  file.pipe(counter);
  return counter;
}

/**
 * Small files are read in one go (archiver's per-stream overhead dominates for them); their
 * progress is counted by the caller once archiver has taken them. Large files are streamed.
 */
export function entrySource(entry: ContentEntry, onBytes: (n: number) => void): EntrySource {
  if (entry.size > inMemoryBytes) {
    const store = shouldStore(entry, readHead(entry));
    return { data: countedStream(entry, onBytes), store };
  }
  let buf: Buffer;
  try {
    buf = readFileSync(entry.path);
  } catch (err) {
    throw changedWhileZipping(entry, err);
  }
  if (buf.length !== entry.size) throw changedWhileZipping(entry);
  return { data: buf, store: shouldStore(entry, buf.subarray(0, probeBytes)) };
}
