/**
 * archiver 8 ships no type declarations (and @types/archiver describes the older default-export
 * API), so this declares the part of `ZipArchive` the product compile uses, as read from
 * archiver's lib/core.js and lib/plugins/zip.js.
 */
declare module 'archiver' {
  import type { Readable, Transform, TransformOptions } from 'node:stream';
  import type { ZlibOptions } from 'node:zlib';

  export interface ZipArchiveOptions extends TransformOptions {
    /** Passed to zlib's DeflateRaw for every deflated entry. */
    zlib?: ZlibOptions;
    /** The default for entries that do not set `store`. */
    store?: boolean;
    forceZip64?: boolean;
    /** Times are written as UTC unless this is set. */
    forceLocalTime?: boolean;
    comment?: string;
  }

  export interface ZipEntryData {
    name: string;
    date?: Date | string;
    mode?: number;
    /** Method 0 (stored) for this entry instead of deflate. */
    store?: boolean;
  }

  export class ZipArchive extends Transform {
    constructor(options?: ZipArchiveOptions);
    append(source: Readable | Buffer | string, data: ZipEntryData): this;
    /** Resolves when the archive's last byte has been produced (not written: watch the destination). */
    finalize(): Promise<void>;
    abort(): this;
    /** Bytes emitted so far. */
    pointer(): number;
  }
}
