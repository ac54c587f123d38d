import { readFileSync } from 'node:fs';
import { jsonTextTooDeep, maxJsonDepth } from '../../shared/json-depth';
import { jsonSyntaxReason } from '../core/json-error';
import { CliUsageError } from './command';

/** A JSON file named on the command line; a missing file or broken JSON is bad input (exit 2). */
export function readJsonFile(file: string, what = 'FILE'): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliUsageError(`${what}: cannot read "${file}" (${code === 'ENOENT' ? 'no such file' : code ?? 'unreadable'})`);
  }
  return parseJsonText(text, `${what}: "${file}"`);
}

/** JSON from the command line, refused when it nests too deep or does not parse (never quoted back). */
function parseJsonText(text: string, subject: string): unknown {
  if (jsonTextTooDeep(text)) throw new CliUsageError(`${subject} nests deeper than ${maxJsonDepth} levels of arrays and objects`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliUsageError(`${subject} ${jsonSyntaxReason(err)}`);
  }
}

/** JSON given inline (`--input '{"a":1}'`). */
export function parseJsonOption(text: string | boolean | undefined, option: string): unknown {
  if (typeof text !== 'string') return undefined;
  return parseJsonText(text, `--${option}:`);
}

/** A time on the command line: YYYY-MM-DD (UTC midnight), an ISO date-time, or epoch milliseconds. */
export function parseTimeOption(text: string | boolean | undefined, option: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = /^\d{10,}$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
  if (!Number.isFinite(ms)) throw new CliUsageError(`--${option}: must be YYYY-MM-DD, an ISO date-time or epoch milliseconds (got "${text}")`);
  return ms;
}

export function parseCountOption(text: string | boolean | undefined, option: string, max: number): number | undefined {
  if (typeof text !== 'string') return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) throw new CliUsageError(`--${option}: must be a whole number from 1 to ${max} (got "${text}")`);
  return n;
}
