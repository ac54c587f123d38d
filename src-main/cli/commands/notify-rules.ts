import { noticeSeverities } from '../../../shared/contract/notify';
import type { NotifyRule, RuleFilter } from '../../../shared/contract/notify-rules';
import { describeFilter } from '../../core/notify/rule-filter';
import { command, CliUsageError, readPositionals, type Command, type ParsedArgs } from '../command';
import { formatRows } from '../format';
import { parseChoiceOption, textOption } from '../options';
import { procedureCommand } from '../procedure-command';

function line(r: NotifyRule): string {
  const filter = describeFilter(r.filter);
  return `${r.enabled ? 'on ' : 'off'}  ${r.severity.padEnd(8)} ${r.channels.join(',').padEnd(14)} ${r.label} (${r.event}${filter ? `; only ${filter}` : ''})${r.changed ? '  [changed]' : ''}`;
}

function shown(r: NotifyRule): string {
  const filter = describeFilter(r.filter);
  return [
    `${r.id}: ${r.label}, ${r.enabled ? 'on' : 'off'}`,
    `  when:     ${r.event}: ${r.about}`,
    `  channels: ${r.channels.join(', ')}`,
    `  severity: ${r.severity}`,
    `  filter:   ${filter || 'none'} (fields: ${r.fields.join(', ')})`,
    r.changed ? `  changed from the defaults (levqor notify rules reset ${r.id} brings them back)` : '  as by default',
  ].join('\n');
}

/** `--filter monitor=shop` (equals) or `--filter message~timeout` (contains), repeatable; `--filter none` clears it. */
export function parseFilterOptions(given: readonly string[]): RuleFilter | undefined {
  if (given.length === 0) return undefined;
  if (given.length === 1 && given[0] === 'none') return {};
  const filter: RuleFilter = {};
  for (const text of given) {
    const at = text.search(/[=~]/);
    if (at < 1) throw new CliUsageError(`--filter: must be FIELD=TEXT (equals), FIELD~TEXT (contains) or none (got "${text}")`);
    const field = text.slice(0, at).trim();
    const value = text.slice(at + 1);
    filter[field] = text[at] === '=' ? value : { contains: value };
  }
  return filter;
}

function parseEnabled(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw new CliUsageError(`--enabled: must be true or false (got "${value}")`);
  return value === 'true';
}

const setUsage = 'notify rules set RULE [--channels os,telegram] [--severity info|warning|critical] [--enabled true|false] [--filter FIELD=TEXT|FIELD~TEXT|none]';

function setInput(args: ParsedArgs): Record<string, unknown> {
  const [id] = readPositionals(args, ['RULE'], 'notify rules set RULE');
  const channels = textOption(args.values.channels);
  const input = {
    id,
    enabled: parseEnabled(textOption(args.values.enabled)),
    channels: channels === undefined ? undefined : channels.split(',').map((c) => c.trim()).filter((c) => c !== ''),
    severity: parseChoiceOption(args.values.severity, 'severity', noticeSeverities),
    filter: parseFilterOptions(args.lists?.filter ?? []),
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

export const notifyRulesCommands: Command[] = [
  procedureCommand('notify.rules', {
    usage: 'notify rules list',
    summary: 'The alert rules: on or off, severity, channels, the event each follows and its filter; [changed] where it differs from the defaults.',
    input: () => ({}),
    show: ({ rules }) => formatRows(rules.map((r) => [r.id, line(r)])),
  }),
  command({
    usage: setUsage,
    summary: 'Change an alert rule (the options left out stay as they are); the running app follows it from the next event.',
    options: {
      channels: { type: 'string', description: 'where its notices go: channel ids, comma-separated (os, telegram, slack, email …)' },
      severity: { type: 'string', description: `how much its notices matter (${noticeSeverities.join(', ')})` },
      enabled: { type: 'string', description: 'true or false: whether the rule makes notices at all' },
      filter: { type: 'string', multiple: true, description: 'only events whose FIELD equals TEXT (FIELD=TEXT) or contains it (FIELD~TEXT); repeat for more, all must match; none clears it' },
    },
    async run(ctx, args) {
      const rule = await ctx.call('notify.setRule', setInput(args) as { id: string });
      ctx.print(rule, () => shown(rule));
    },
  }),
  procedureCommand('notify.resetRule', {
    usage: 'notify rules reset RULE',
    summary: 'Put an alert rule back to its defaults.',
    positionals: { id: 'RULE' },
    show: (rule) => shown(rule),
  }),
];
