import type { SecretStatus } from '../../../shared/contract/secrets';
import { command, noExtraPositionals, requirePositional, type Command } from '../command';
import { formatRows } from '../format';

function show(s: SecretStatus): string {
  if (s.source === 'env') return `set (from ${s.env})`;
  return s.set ? 'set' : 'not set';
}

export const secretsCommands: Command[] = [
  command({
    usage: 'secrets list',
    summary: 'Which secrets are set (never their values).',
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'secrets list');
      const { secrets } = await ctx.call('secrets.status', {});
      ctx.print({ secrets }, () => formatRows(secrets.map((s) => [s.name, show(s)])));
    },
  }),
  command({
    usage: 'secrets set NAME [--value V]',
    summary: 'Store a secret; without --value it is read from standard input (kept out of shell history).',
    options: { value: { type: 'string', description: 'the secret (prefer standard input)' } },
    async run(ctx, args) {
      const usage = 'secrets set NAME [--value V]';
      const name = requirePositional(args, 0, 'NAME', usage);
      noExtraPositionals(args, 1, usage);
      const given = args.values.value;
      const value = typeof given === 'string' ? given : (await ctx.io.readStdin(`Value for ${name}: `)).replace(/\r?\n$/, '');
      const status = await ctx.call('secrets.set', { name, value });
      ctx.print(status, () => `${status.name}: ${show(status)}`);
    },
  }),
  command({
    usage: 'secrets clear NAME',
    summary: 'Forget a stored secret.',
    async run(ctx, args) {
      const name = requirePositional(args, 0, 'NAME', 'secrets clear NAME');
      noExtraPositionals(args, 1, 'secrets clear NAME');
      const status = await ctx.call('secrets.clear', { name });
      ctx.print(status, () => `${status.name}: ${show(status)}`);
    },
  }),
];
