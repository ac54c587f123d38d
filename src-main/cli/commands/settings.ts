import type { SettingEntry } from '../../../shared/contract/settings';
import { isSettingKey } from '../../../shared/settings';
import { parseSettingText } from '../../core/settings/settings-service';
import { command, noExtraPositionals, requirePositional, type Command } from '../command';
import { formatRows } from '../format';

function show(entry: SettingEntry): string {
  const value = typeof entry.value === 'string' ? entry.value || '(empty)' : JSON.stringify(entry.value);
  return entry.source === 'env' ? `${value}  (from ${entry.env})` : entry.source === 'default' ? `${value}  (default)` : value;
}

export const settingsCommands: Command[] = [
  command({
    usage: 'settings get [KEY]',
    summary: 'Print every setting, or one.',
    async run(ctx, args) {
      noExtraPositionals(args, 1, 'settings get [KEY]');
      const key = args.positionals[0];
      const { settings } = await ctx.call('settings.get', key === undefined ? {} : { key });
      if (key !== undefined) {
        const entry = settings[0]!;
        ctx.print(entry, () => show(entry));
        return;
      }
      ctx.print({ settings }, () => formatRows(settings.map((s) => [s.key, show(s)])));
    },
  }),
  command({
    usage: 'settings set KEY VALUE',
    summary: 'Store a setting (VALUE is text, or JSON for numbers and true/false).',
    async run(ctx, args) {
      const usage = 'settings set KEY VALUE';
      const key = requirePositional(args, 0, 'KEY', usage);
      const text = requirePositional(args, 1, 'VALUE', usage);
      noExtraPositionals(args, 2, usage);
      // unknown keys fall through to the dispatcher, which names the known ones
      const value = isSettingKey(key) ? parseSettingText(key, text) : text;
      const entry = await ctx.call('settings.set', { key, value });
      ctx.print(entry, () => `${entry.key} = ${show(entry)}`);
    },
  }),
];
