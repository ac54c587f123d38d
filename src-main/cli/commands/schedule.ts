import { command, noExtraPositionals, requirePositional, type Command } from '../command';
import { parseCountOption } from '../json-input';

export const scheduleCommands: Command[] = [
  command({
    usage: 'schedule preview ID [--count N]',
    summary: 'The next fire times of a cron workflow, in its timezone.',
    options: { count: { type: 'string', description: 'how many (1–500, default 5)' } },
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'ID', 'schedule preview ID');
      noExtraPositionals(args, 1, 'schedule preview ID');
      const count = parseCountOption(args.values.count, 'count', 500);
      const preview = await ctx.call('schedule.preview', { id, ...(count !== undefined ? { count } : {}) });
      ctx.print(preview, () => [`${preview.expr} (${preview.timezone})`, ...preview.times.map((t) => `  ${t.local}  (${t.iso})`)].join('\n'));
    },
  }),
];
