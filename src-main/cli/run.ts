import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { inputErrorCodes, LevqorError, type ProcedureName } from '../../shared/contract';
import { CoreError, CoreHolder, createCore, defaultDataDir, type Core } from '../core';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { CliUsageError, type CliContext, type CliIo, type Command, type OptionSpec } from './command';
import { commands as allCommands } from './commands';

export const globalOptions: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', description: 'the data dir (env LEVQOR_DATA_DIR; default: the OS app-data folder)' },
  'products-dir': { type: 'string', description: 'the products folder (env LEVQOR_PRODUCTS_DIR; default: the productsDir setting)' },
  json: { type: 'boolean', description: 'print machine-readable JSON' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

/** Runs one `levqor` invocation and returns its exit code: 0 ok, 2 bad input, 1 failure. */
export async function runCli(argv: string[], io: CliIo, commands: Command[] = allCommands): Promise<number> {
  let holder: CoreHolder<Core> | undefined;
  let command: Command | undefined;
  try {
    command = findCommand(argv, commands);
    const options = { ...globalOptions, ...(command?.options ?? {}) };
    const parsed = parse(argv, options);
    const json = parsed.values.json === true;
    if (!command && parsed.positionals.length > 0) {
      return usageExit(io, `unknown command "${parsed.positionals.join(' ')}" (levqor --help lists the commands)`);
    }
    if (!command || parsed.values.help === true) {
      io.out(helpText(commands, command));
      return 0;
    }
    const dataDir = (parsed.values['data-dir'] as string | undefined) ?? io.env.LEVQOR_DATA_DIR ?? defaultDataDir(io.env);
    let dispatcher: { core: Core; api: Dispatcher } | undefined;
    // --products-dir wins over LEVQOR_PRODUCTS_DIR and the setting, the way the variable does
    const productsDir = parsed.values['products-dir'] as string | undefined;
    const env = productsDir === undefined ? io.env : { ...io.env, LEVQOR_PRODUCTS_DIR: resolve(productsDir) };
    // this process holds its core: an approved restore of the app's data restarts it in place
    const held = (holder = new CoreHolder((restart) => createCore({ dataDir, env, coreRestart: restart })));
    const ctx: CliContext = {
      json,
      dataDir,
      io,
      core: () => held.core,
      holder: held,
      call: async (name: ProcedureName, input: unknown) => {
        // a dispatcher per core: a restart gives a new one
        if (dispatcher?.core !== held.core) dispatcher = { core: held.core, api: createDispatcher(held.core) };
        const result = await dispatcher.api.call(name, input, { transport: 'cli' });
        if (!result.ok) throw new LevqorError(result.error);
        return result.value as never;
      },
      print: (value, human) => io.out(json ? JSON.stringify(value) : human()),
    };
    const { values, lists } = splitLists(parsed.values, options);
    const code = await command.run(ctx, { positionals: parsed.positionals.slice(command.path.length), values, lists });
    return code ?? 0;
  } catch (err) {
    return reportError(io, err);
  } finally {
    if (!command?.keepsRunning) holder?.close();
  }
}

function reportError(io: CliIo, err: unknown): number {
  if (err instanceof CliUsageError) return usageExit(io, err.message);
  if (err instanceof LevqorError || err instanceof CoreError) {
    io.err(`levqor: ${err.message}`);
    return inputErrorCodes.has(err.code) ? 2 : 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`levqor: ${message.split('\n')[0]}`);
  return 1;
}

function usageExit(io: CliIo, message: string): number {
  io.err(`levqor: ${message}`);
  return 2;
}

/** The options given as `multiple` apart from the others, each a list of its texts. */
function splitLists(parsed: Record<string, unknown>, options: Record<string, OptionSpec>) {
  const values: Record<string, string | boolean | undefined> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, spec] of Object.entries(options)) {
    const given = parsed[name];
    if (spec.multiple) lists[name] = Array.isArray(given) ? given.map(String) : [];
    else if (given !== undefined) values[name] = given as string | boolean;
  }
  return { values, lists };
}

function parse(argv: string[], options: Record<string, OptionSpec>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliUsageError((err as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

/** The command whose words start the positionals; option values are skipped so `--data-dir x stage get` works. */
function findCommand(argv: string[], commands: Command[]): Command | undefined {
  const valued = new Set<string>();
  for (const spec of [globalOptions, ...commands.map((c) => c.options ?? {})]) {
    for (const [name, o] of Object.entries(spec)) if (o.type === 'string') valued.add(`--${name}`);
  }
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (valued.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  let best: Command | undefined;
  for (const c of commands) {
    if (c.path.every((w, i) => words[i] === w) && c.path.length > (best?.path.length ?? 0)) best = c;
  }
  return best;
}

function helpText(commands: Command[], command?: Command): string {
  const lines: string[] = [];
  if (command) {
    lines.push(`Usage: levqor ${command.usage}`, '', command.summary);
    const opts = Object.entries(command.options ?? {});
    if (opts.length > 0) lines.push('', 'Options:', ...opts.map(([n, o]) => `  --${n.padEnd(14)} ${o.description}`));
  } else {
    lines.push('Levqor X Control Center — the command line.', '', 'Usage: levqor [--data-dir DIR] [--json] <command>', '', 'Commands:');
    const width = Math.max(...commands.map((c) => c.usage.length));
    for (const c of commands) lines.push(`  ${c.usage.padEnd(width)}  ${c.summary}`);
  }
  lines.push('', 'Global options:', ...Object.entries(globalOptions).map(([n, o]) => `  --${n.padEnd(14)} ${o.description}`));
  lines.push('', 'Exit codes: 0 success, 2 bad input, 1 failure.');
  return lines.join('\n');
}
