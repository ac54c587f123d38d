import { readFileSync } from 'node:fs';
import { jsonTextTooDeep, maxJsonDepth } from '../../shared/json-depth';
import { jsonSyntaxReason } from '../../shared/json-error';
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
