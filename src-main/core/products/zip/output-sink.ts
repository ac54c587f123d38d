import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/**
 * The archive's bytes on their way to disk: batched into large writes, counted (for the
 * central directory's offsets) and hashed (sha256) as they pass, so the file is never re-read.
 */
export class OutputSink {
  offset = 0;
  private readonly hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly batchBytes = 1 << 20,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    this.hash.update(chunk);
    this.offset += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.batchBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let written = 0;
    while (written < data.length) written += (await this.file.write(data, written, data.length - written)).bytesWritten;
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}
