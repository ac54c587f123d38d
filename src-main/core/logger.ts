import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

export interface LogFileOptions {
  dir: string;
  /** Rotate when the current file passes this many bytes. */
  maxBytes?: number;
  /** Rotated files kept beside the current one. */
  keep?: number;
}

/**
 * A size-capped log file: `levqor.log`, rotated to `levqor.log.1` … `.N`. Writes are
 * synchronous so a crash never loses the line that explains it.
 */
export class CappedLogFile {
  private fd: number;
  private size: number;
  private readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(options: LogFileOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.path = join(options.dir, 'levqor.log');
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.keep = options.keep ?? 3;
    this.fd = openSync(this.path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    if (this.size + bytes > this.maxBytes && this.size > 0) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
    return true;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    rmSync(`${this.path}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      try {
        renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
      } catch {
        // a missing older file is normal
      }
    }
    renameSync(this.path, `${this.path}.1`);
    this.fd = openSync(this.path, 'a', 0o600);
    this.size = 0;
  }
}

/** Keys whose values never reach a log line, wherever they appear. */
export const redactedKeys = ['value', 'secret', 'token', 'password', 'apiKey', 'authorization', 'cookie', '*.value', '*.secret', '*.token', '*.password', '*.authorization', '*.cookie'];

/** Where log lines go: the capped file, or the telemetry tee in front of it. */
export interface LogDestination {
  write(line: string): unknown;
}

export function createLogger(file: LogDestination | undefined, level: string): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'levqor' },
    redact: { paths: redactedKeys, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  // no file: a sink that drops lines, so raising the level later never turns on stdout
  return pino(options, (file ?? { write: () => true }) as pino.DestinationStream);
}
