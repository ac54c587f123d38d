import type { SettingEntry } from '../../../shared/contract/settings';
import { isSettingKey } from '../../../shared/settings';
import { parseSettingText } from '../../core/settings/settings-service';
import { command, readOptionalPositional, type Command } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

function show(entry: SettingEntry): string {
  const value = typeof entry.value === 'string' ? entry.value || '(empty)' : JSON.stringify(entry.value);
  return entry.source === 'env' ? `${value}  (from ${entry.env})` : entry.source === 'default' ? `${value}  (default)` : value;
}

export const settingsCommands: Command[] = [
  command({
    usage: 'settings get [KEY]',
    summary: 'Print every setting, or one.',
    async run(ctx, args) {
      const key = readOptionalPositional(args, 'settings get [KEY]');
      const { settings } = await ctx.call('settings.get', key === undefined ? {} : { key });
      if (key === undefined) ctx.print({ settings }, () => formatRows(settings.map((s) => [s.key, show(s)])));
      else {
        const entry = settings[0]!;
        ctx.print(entry, () => show(entry));
      }
    },
  }),
  procedureCommand('settings.set', {
    usage: 'settings set KEY VALUE',
    summary: 'Store a setting (VALUE is text, or JSON for numbers and true/false).',
    positionals: { key: 'KEY', value: 'VALUE' },
    // unknown keys fall through to the dispatcher, which names the known ones
    input: ({ key, value }) => ({ key, value: isSettingKey(key) ? parseSettingText(key, value) : value }),
    show: (entry) => `${entry.key} = ${show(entry)}`,
  }),
];
