import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CoreError } from '../../errors';
import { tempPathFor } from '../atomic-write';
import type { ContentEntry } from '../collect-content';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { prepareSmall } from './entry-data';
import { OutputSink } from './output-sink';
import { writeStreamedEntry } from './streamed-entry';
import { centralHeader, endOfCentralDirectory, localHeader, type EntryRecord } from './zip-format';

export interface WriteZipOptions {
  signal?: AbortSignal;
  /** Uncompressed bytes done of the total, called as the work moves. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** zlib level; 6 is zip's default. */
  level?: number;
  /** Files up to this size are read and compressed whole; larger ones are streamed. */
  inMemoryBytes?: number;
}

export interface ZipResult {
  sha256: string;
  bytes: number;
  entries: number;
}

/** The longest the writer keeps the event loop busy with small files before letting others in. */
const sliceMs = 20;

/**
 * Writes `entries` (sorted, see collectContent) as a reproducible ZIP: fixed times and modes,
 * no extra fields, the same bytes for the same input. The archive is written to a temp file
 * beside `zipPath` and renamed over it only when complete; a failure or cancel leaves nothing.
 */
export async function writeReproducibleZip(entries: readonly ContentEntry[], zipPath: string, options: WriteZipOptions = {}): Promise<ZipResult> {
  const { signal, onProgress } = options;
  const level = options.level ?? 6;
  const inMemoryBytes = options.inMemoryBytes ?? 1 << 20;
  const total = entries.reduce((n, e) => n + e.size, 0);
  let done = 0;
  const advance = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };

  const createdDir = mkdirSync(dirname(zipPath), { recursive: true });
  const temp = tempPathFor(zipPath);
  const file = await open(temp, 'wx', 0o644);
  let closed = false;
  try {
    signal?.throwIfAborted();
    onProgress?.(0, total);
    const sink = new OutputSink(file);
    const records: EntryRecord[] = [];
    let sliceStart = performance.now();
    for (const entry of entries) {
      signal?.throwIfAborted();
      const name = Buffer.from(entry.name, 'utf8');
      if (entry.size > inMemoryBytes) {
        records.push(await writeStreamedEntry(entry, name, sink, level, signal, advance));
        continue;
      }
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
      const prepared = prepareSmall(entry, level);
      const record: EntryRecord = { name, method: prepared.method, crc32: prepared.crc32, compressedSize: prepared.data.length, size: prepared.size, streamed: false, offset: sink.offset };
      await sink.write(localHeader(record));
      await sink.write(prepared.data);
      records.push(record);
      advance(prepared.size);
    }
    const centralStart = sink.offset;
    for (const r of records) await sink.write(centralHeader(r));
    await sink.write(endOfCentralDirectory(records.length, sink.offset - centralStart, centralStart));
    await sink.flush();
    if (sink.offset > 0xffff_ffff) throw new CoreError('TOO_LARGE', 'contentDir: the archive would be over 4 GiB; split the product', 'contentDir');
    await file.sync();
    await file.close();
    closed = true;
    signal?.throwIfAborted();
    renameSync(temp, zipPath);
    return { sha256: sink.sha256(), bytes: sink.offset, entries: records.length };
  } catch (err) {
    if (!closed) await file.close().catch(() => {});
    rmSync(temp, { force: true });
    if (createdDir) rmSync(createdDir, { recursive: true, force: true });
    if (signal?.aborted) throw new CoreError('CANCELLED', `the compile was cancelled; no archive was written`);
    throw err;
  }
}
