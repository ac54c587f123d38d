import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { telemetryLimits } from '../../../shared/telemetry';
import { CoreError, badInput } from '../errors';
import { RowRejected } from './validate';
import { jsonSyntaxReason } from '../../../shared/json-error';

export interface BatchItem {
  /** 1-based line (NDJSON) or row (JSON array) number, for error messages. */
  line: number;
  value: unknown;
}

/** Streamed lines (NDJSON), or an array whose row numbers are the indexes + 1 (no item objects). */
export type ParsedBatch = { unit: 'line'; items: Iterable<BatchItem> } | { unit: 'row'; values: readonly unknown[] };

/** A batch as text: a JSON array when it starts with `[`, NDJSON otherwise. */
export function parseBatchText(text: string, maxRows: number = telemetryLimits.maxBatchRows): ParsedBatch {
  const start = text.search(/\S/);
  if (start >= 0 && text[start] === '[') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw badInput('body', `${jsonSyntaxReason(err)} (a batch is a JSON array or NDJSON)`);
    }
    if (!Array.isArray(parsed)) throw badInput('body', 'must be a JSON array or NDJSON');
    if (parsed.length > maxRows) throw tooMany(maxRows);
    return { unit: 'row', values: parsed };
  }
  return { unit: 'line', items: ndjsonItems(lines(text), maxRows) };
}

/** NDJSON from a file, read in chunks: any size, no row cap (the caller's transaction is the batch). */
export function parseNdjsonFile(path: string): ParsedBatch {
  return { unit: 'line', items: ndjsonItems(fileLines(path), Number.POSITIVE_INFINITY) };
}

function tooMany(maxRows: number): CoreError {
  return new CoreError('TOO_LARGE', `body: has more than ${maxRows} rows; split it into batches of at most ${maxRows}`, 'body');
}

function* ndjsonItems(source: Iterable<string>, maxRows: number): Generator<BatchItem> {
  let line = 0;
  let rows = 0;
  for (const text of source) {
    line++;
    if (text.trim() === '') continue;
    if (++rows > maxRows) throw tooMany(maxRows);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new RowRejected(line, 'row', 'is not valid JSON');
    }
    yield { line, value };
  }
}

function* lines(text: string): Generator<string> {
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    yield text.charCodeAt(end - 1) === 13 ? text.slice(from, end - 1) : text.slice(from, end);
    if (nl === -1) return;
    from = nl + 1;
  }
}

function* fileLines(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw badInput('path', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const text = rest + decoder.write(buffer.subarray(0, n));
      const last = text.lastIndexOf('\n');
      if (last === -1) {
        rest = text;
        continue;
      }
      rest = text.slice(last + 1);
      yield* lines(text.slice(0, last));
    }
    rest += decoder.end();
    if (rest !== '') yield* lines(rest);
  } finally {
    closeSync(fd);
  }
}
