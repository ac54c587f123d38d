import { CliUsageError, type OptionSpec, type ParsedArgs } from './command';

type OptionValue = ParsedArgs['values'][string];

/** A string option's text; a flag left out (or given as a boolean) is undefined. */
export function textOption(value: OptionValue): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `--status S`: one of a fixed list, read by parseChoiceOption. */
export function choiceOption(noun: string, choices: readonly string[]): OptionSpec {
  return { type: 'string', description: `only this ${noun} (${choices.join(', ')})` };
}

/** One of a fixed list (`--status pending`); anything else is refused with the list. */
export function parseChoiceOption<T extends string>(value: OptionValue, option: string, choices: readonly T[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new CliUsageError(`--${option}: must be one of ${choices.join(', ')}`);
  return value as T;
}

/** A time on the command line: YYYY-MM-DD (UTC midnight), an ISO date-time, or epoch milliseconds. */
export function parseTimeOption(text: OptionValue, option: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = /^\d{10,}$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
  if (!Number.isFinite(ms)) throw new CliUsageError(`--${option}: must be YYYY-MM-DD, an ISO date-time or epoch milliseconds (got "${text}")`);
  return ms;
}

/** `--from` and `--to`, read by parseTimeRange; each description says what its bound means. */
export function timeRangeOptions(from: string, to: string): Record<'from' | 'to', OptionSpec> {
  return { from: { type: 'string', description: from }, to: { type: 'string', description: to } };
}

/** `--from` and `--to` as times, the one not after the other. */
export function parseTimeRange(values: ParsedArgs['values']): { from: number | undefined; to: number | undefined } {
  const from = parseTimeOption(values.from, 'from');
  const to = parseTimeOption(values.to, 'to');
  if (from !== undefined && to !== undefined && from > to) throw new CliUsageError('--from: must be before --to');
  return { from, to };
}

const maxCount = 500;

/** `--limit N` or `--count N`, read by parseCountOption. */
export function countOption(byDefault: number): OptionSpec {
  return { type: 'string', description: `how many (1–${maxCount}, default ${byDefault})` };
}

export function parseCountOption(text: OptionValue, option: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > maxCount) throw new CliUsageError(`--${option}: must be a whole number from 1 to ${maxCount} (got "${text}")`);
  return n;
}

/** A procedure input from options: the ones left out are absent, not present as undefined. */
export function givenOnly<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
