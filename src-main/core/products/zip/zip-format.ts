/**
 * The bytes of a classic (non-ZIP64) ZIP file, APPNOTE 6.3: local headers, optional data
 * descriptors, the central directory and its end record. Every field that could vary between
 * two runs (times, modes, "made by") is fixed, so the same files give the same archive.
 */
export const methodStored = 0;
export const methodDeflated = 8;

const flagDataDescriptor = 0x0008;
const flagUtf8 = 0x0800;
const versionNeeded = 20;
/** Made by: Unix (3), spec 2.0, so unzip honours the mode in the external attributes. */
const versionMadeBy = (3 << 8) | versionNeeded;
/** 1980-01-01 00:00:00, the first instant a DOS date can hold. */
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;
/** -rw-r--r-- regular file. */
const externalAttributes = (0o100644 << 16) >>> 0;

export interface EntryRecord {
  name: Buffer;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Sizes and crc follow the data in a descriptor (streamed entries). */
  streamed: boolean;
  offset: number;
}

function flags(entry: Pick<EntryRecord, 'streamed'>): number {
  return flagUtf8 | (entry.streamed ? flagDataDescriptor : 0);
}

export function localHeader(entry: Omit<EntryRecord, 'offset'>): Buffer {
  const b = Buffer.alloc(30 + entry.name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(versionNeeded, 4);
  b.writeUInt16LE(flags(entry), 6);
  b.writeUInt16LE(entry.method, 8);
  b.writeUInt16LE(dosTime, 10);
  b.writeUInt16LE(dosDate, 12);
  // a streamed entry's crc and sizes are not known yet: zero here, real ones in the descriptor
  b.writeUInt32LE(entry.streamed ? 0 : entry.crc32, 14);
  b.writeUInt32LE(entry.streamed ? 0 : entry.compressedSize, 18);
  b.writeUInt32LE(entry.streamed ? 0 : entry.size, 22);
  b.writeUInt16LE(entry.name.length, 26);
  b.writeUInt16LE(0, 28);
  entry.name.copy(b, 30);
  return b;
}

export function dataDescriptor(entry: Pick<EntryRecord, 'crc32' | 'compressedSize' | 'size'>): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(entry.crc32, 4);
  b.writeUInt32LE(entry.compressedSize, 8);
  b.writeUInt32LE(entry.size, 12);
  return b;
}

export function centralHeader(entry: EntryRecord): Buffer {
  const b = Buffer.alloc(46 + entry.name.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(versionMadeBy, 4);
  b.writeUInt16LE(versionNeeded, 6);
  b.writeUInt16LE(flags(entry), 8);
  b.writeUInt16LE(entry.method, 10);
  b.writeUInt16LE(dosTime, 12);
  b.writeUInt16LE(dosDate, 14);
  b.writeUInt32LE(entry.crc32, 16);
  b.writeUInt32LE(entry.compressedSize, 20);
  b.writeUInt32LE(entry.size, 24);
  b.writeUInt16LE(entry.name.length, 28);
  b.writeUInt16LE(0, 30); // extra
  b.writeUInt16LE(0, 32); // comment
  b.writeUInt16LE(0, 34); // disk
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE(externalAttributes, 38);
  b.writeUInt32LE(entry.offset, 42);
  entry.name.copy(b, 46);
  return b;
}

export function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(0, 4);
  b.writeUInt16LE(0, 6);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  b.writeUInt16LE(0, 20);
  return b;
}
