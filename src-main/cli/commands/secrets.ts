import type { SecretStatus } from '../../../shared/contract/secrets';
import type { CliContext, Command, ParsedArgs } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

function show(s: SecretStatus): string {
  if (s.source === 'env') return `set (from ${s.env})`;
  return s.set ? 'set' : 'not set';
}

function showOne(status: SecretStatus): string {
  return `${status.name}: ${show(status)}`;
}

/** `--value`, else standard input (kept out of shell history), without its line end. */
async function secretInput({ name }: { name: string }, values: ParsedArgs['values'], ctx: CliContext) {
  const given = values.value;
  const value = typeof given === 'string' ? given : (await ctx.io.readStdin(`Value for ${name}: `)).replace(/\r?\n$/, '');
  return { name, value };
}

const setUsage = 'secrets set NAME [--value V]';

export const secretsCommands: Command[] = [
  procedureCommand('secrets.status', {
    usage: 'secrets list',
    summary: 'Which secrets are set (never their values).',
    show: ({ secrets }) => formatRows(secrets.map((s) => [s.name, show(s)])),
  }),
  procedureCommand('secrets.set', {
    usage: setUsage,
    usageHint: setUsage,
    summary: 'Store a secret; without --value it is read from standard input (kept out of shell history).',
    options: { value: { type: 'string', description: 'the secret (prefer standard input)' } },
    positionals: { name: 'NAME' },
    input: secretInput,
    show: showOne,
  }),
  procedureCommand('secrets.test', {
    usage: 'secrets test NAME',
    summary: 'Try a secret against its service (Drive: list the target folder; Postgres: connect); exit 1 when it failed.',
    positionals: { name: 'NAME' },
    show: (t) => `${t.name}: ${t.outcome}: ${t.message}`,
    exitCode: (t) => (t.outcome === 'failed' ? 1 : 0),
  }),
  procedureCommand('secrets.clear', {
    usage: 'secrets clear NAME',
    summary: 'Forget a stored secret.',
    positionals: { name: 'NAME' },
    show: showOne,
  }),
];
