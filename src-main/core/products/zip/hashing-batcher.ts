import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Sits between archiver and the file: hashes (sha256) and counts the archive's bytes as they
 * pass, so the file is never re-read, and joins archiver's many tiny header writes (each field
 * is its own 2- or 4-byte chunk) into large ones before they reach the disk.
 */
export class HashingBatcher extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly batchBytes = 1 << 20) {
    super({ highWaterMark: batchBytes });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.batchBytes) this.pushPending();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.pushPending();
    done();
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  private pushPending(): void {
    if (this.pending.length === 0) return;
    this.push(this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
