import type { Core, CoreHolder } from '../core';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  /** May be given more than once (`--source a --source b`); its value is then a list. */
  multiple?: boolean;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** All of standard input, when a command takes a value from it. */
  readStdin(prompt: string): Promise<string>;
}

export interface CliContext {
  json: boolean;
  dataDir: string;
  io: CliIo;
  /** Opens the data dir on first use; after a restore of the app's data, the new core. */
  core(): Core;
  /** Owns this process's current core (core/core-holder.ts): long-lived commands bind to it and start its background. */
  holder: CoreHolder<Core>;
  /** Runs a procedure through the one dispatcher; rejects with a LevqorError. */
  call<P extends ProcedureName>(name: P, input: ProcedureInput<P>): Promise<ProcedureOutput<P>>;
  /** Prints `value` as JSON under --json, else the human text. */
  print(value: unknown, human: () => string): void;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  /** The options given as `multiple` (each may come more than once), in the order given; absent ones are empty. */
  lists?: Record<string, string[]>;
}

export interface Command {
  /** Words that select the command, e.g. ['stage', 'set']: the start of its usage (see `command`). */
  path: string[];
  /** The command's words, then its arguments (CAPITALS, [optional], a|b) and options. */
  usage: string;
  summary: string;
  options?: Record<string, OptionSpec>;
  /** Long-running commands (serve) own the core's lifetime themselves. */
  keepsRunning?: boolean;
  run(ctx: CliContext, args: ParsedArgs): Promise<number | void>;
}

/** The words of a usage before its first argument or option: 'runs show ID' → ['runs', 'show']. */
export function commandWords(usage: string): string[] {
  const words: string[] = [];
  for (const word of usage.split(' ')) {
    if (!/^[a-z][a-z-]*$/.test(word)) break;
    words.push(word);
  }
  return words;
}

/** A command selected by the words its usage starts with, so the two cannot disagree. */
export function command(spec: Omit<Command, 'path'>): Command {
  return { path: commandWords(spec.usage), ...spec };
}

/** Wrong words on the command line: exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export function requirePositional(args: ParsedArgs, index: number, name: string, usage: string): string {
  const value = args.positionals[index];
  if (value === undefined) throw new CliUsageError(`missing ${name} (usage: levqor ${usage})`);
  return value;
}

export function noExtraPositionals(args: ParsedArgs, count: number, usage: string): void {
  if (args.positionals.length > count) {
    throw new CliUsageError(`unexpected argument "${args.positionals[count]}" (usage: levqor ${usage})`);
  }
}

/** The one positional a command may take or leave out; a second is a usage error quoting `usage`. */
export function readOptionalPositional(args: ParsedArgs, usage: string): string | undefined {
  noExtraPositionals(args, 1, usage);
  return args.positionals[0];
}

/** One text per positional a command names, in the same order. */
export type Positionals<N extends readonly string[]> = { -readonly [K in keyof N]: string };

/** Exactly the positionals `names` asks for, all required; a missing or extra one is a usage error quoting `usage`. */
export function readPositionals<const N extends readonly string[]>(args: ParsedArgs, names: N, usage: string): Positionals<N> {
  const given = names.map((name, i) => requirePositional(args, i, name, usage));
  noExtraPositionals(args, names.length, usage);
  return given as Positionals<N>;
}
