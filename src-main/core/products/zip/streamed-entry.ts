import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';
import type { ContentEntry } from '../collect-content';
import { isStoredType, looksIncompressible, probeBytes } from './compressed-types';
import { changedWhileZipping, readChunk } from './entry-data';
import type { OutputSink } from './output-sink';
import { dataDescriptor, localHeader, methodDeflated, methodStored, type EntryRecord } from './zip-format';

const chunkBytes = 1 << 20;

/**
 * A large file, streamed in 1 MiB chunks so memory stays flat: crc and sizes go in a data
 * descriptor after the data. Stored when its type is compressed already or a deflate of its
 * first 64 KiB saves nothing (random or encrypted bytes), deflated otherwise.
 */
export async function writeStreamedEntry(
  entry: ContentEntry,
  name: Buffer,
  sink: OutputSink,
  level: number,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
): Promise<EntryRecord> {
  const file = await open(entry.path, 'r');
  try {
    const first = await readChunk(file, 0, Math.min(probeBytes, entry.size));
    const store = isStoredType(entry.name) || looksIncompressible(first, level);
    const record: EntryRecord = { name, method: store ? methodStored : methodDeflated, crc32: 0, compressedSize: 0, size: entry.size, streamed: true, offset: sink.offset };
    await sink.write(localHeader(record));

    let crc = 0;
    let read = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      let chunk = first;
      while (chunk.length > 0) {
        signal?.throwIfAborted();
        crc = crc32(chunk, crc);
        read += chunk.length;
        onBytes(chunk.length);
        yield chunk;
        chunk = await readChunk(file, read, chunkBytes);
      }
    }
    let compressed = 0;
    const toSink = async (source: AsyncIterable<Buffer>) => {
      for await (const out of source) {
        compressed += out.length;
        await sink.write(out);
      }
    };
    if (store) await toSink(chunks());
    else await pipeline(Readable.from(chunks()), createDeflateRaw({ level }), toSink, signal ? { signal } : {});

    if (read !== entry.size) throw changedWhileZipping(entry);
    record.crc32 = crc >>> 0;
    record.compressedSize = compressed;
    await sink.write(dataDescriptor(record));
    return record;
  } finally {
    await file.close();
  }
}
