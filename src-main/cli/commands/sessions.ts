import type { BrowserSession } from '../../../shared/contract/sessions';
import { command, CliUsageError, readOptionalPositional, type Command } from '../command';
import { procedureCommand } from '../procedure-command';

function show(sessions: BrowserSession[]): string {
  if (sessions.length === 0) return 'No browser is signed in.';
  return sessions
    .map((s) => `${s.id}  since ${new Date(s.createdAt).toISOString()}  last used ${new Date(s.lastSeenAt).toISOString()}  ends ${new Date(s.expiresAt).toISOString()}\n  ${s.userAgent}`)
    .join('\n');
}

const revokeUsage = 'sessions revoke ID | --all';

export const sessionsCommands: Command[] = [
  procedureCommand('sessions.list', {
    usage: 'sessions list',
    summary: 'Browsers signed in to `levqor serve` through its access link.',
    show: ({ sessions }) => show(sessions),
  }),
  command({
    usage: revokeUsage,
    summary: 'Sign a browser out (it must open the access link again); --all signs every browser out.',
    options: { all: { type: 'boolean', description: 'every browser session' } },
    async run(ctx, args) {
      const id = readOptionalPositional(args, revokeUsage);
      const all = args.values.all === true;
      if ((id === undefined) === !all) throw new CliUsageError(`give a session id or --all (usage: levqor ${revokeUsage})`);
      const result = await ctx.call('sessions.revoke', all ? { all: true } : { id: id! });
      ctx.print(result, () => `Signed out ${result.revoked} browser session${result.revoked === 1 ? '' : 's'}.`);
    },
  }),
];
