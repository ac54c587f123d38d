import type { Command } from '../command';
import { countOption, givenOnly, parseCountOption } from '../options';
import { procedureCommand } from '../procedure-command';

export const scheduleCommands: Command[] = [
  procedureCommand('schedule.preview', {
    usage: 'schedule preview ID [--count N]',
    summary: 'The next fire times of a cron workflow, in its timezone.',
    options: { count: countOption(5) },
    positionals: { id: 'ID' },
    input: ({ id }, values) => ({ id, ...givenOnly({ count: parseCountOption(values.count, 'count') }) }),
    show: (preview) => [`${preview.expr} (${preview.timezone})`, ...preview.times.map((t) => `  ${t.local}  (${t.iso})`)].join('\n'),
  }),
];
