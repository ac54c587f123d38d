import type { CostReport, RecurringCost, RecurringCostFields } from '../../../shared/contract/costs';
import { categoryLabels, costCycles, parseAmount, recurringCategories } from '../../../shared/costs';
import { formatMinorUnits } from '../../../shared/money';
import { CliUsageError, type CliContext, type Command } from '../command';
import { textOption } from '../options';
import { procedureCommand } from '../procedure-command';

const percent = (r: number | null) => (r === null ? '' : `${Math.round(r * 100)}%`);

function reportText(r: CostReport): string {
  const money = (v: number) => formatMinorUnits(v, r.currency).padStart(12);
  const head = `Costs for ${r.month} (${r.currency.toUpperCase()})`;
  const rows = r.categories.map((c) => `  ${categoryLabels[c.category].padEnd(12)} ${money(c.spentMinor)}${c.budgetMinor === null ? '' : `  of ${formatMinorUnits(c.budgetMinor, r.currency)} budget (${percent(c.usedRatio)})`}`);
  const totals = [`  ${'Total'.padEnd(12)} ${money(r.costsMinor)}`, `  ${'Revenue'.padEnd(12)} ${money(r.revenueMinor)}`, `  ${'Margin'.padEnd(12)} ${money(r.marginMinor)}`];
  const months = r.months.map((m) => `  ${m.month}  ${money(m.costsMinor)} ${money(m.revenueMinor)} ${money(m.marginMinor)}`);
  return [head, ...rows, ...totals, ...(r.revenueNote ? [`  (${r.revenueNote})`] : []), '', `  ${'month'.padEnd(7)}  ${'costs'.padStart(12)} ${'revenue'.padStart(12)} ${'margin'.padStart(12)}`, ...months].join('\n');
}

function costLine(c: RecurringCost): string {
  const until = c.endDate ? ` to ${c.endDate}` : '';
  return `${c.id}  ${c.name}  ${c.category}  ${formatMinorUnits(c.amountMinor, c.currency)} ${c.cycle}  from ${c.startDate}${until}`;
}

/** `--amount 4.90` in whole units of the cost's currency → minor units; a bad amount names the option. */
export function amountOption(text: string | undefined, currency: string, option = '--amount'): number {
  if (text === undefined) throw new CliUsageError(`${option}: is required (e.g. 4.90)`);
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) throw new CliUsageError(`${option}: ${parsed.message}`);
  return parsed.minor;
}

/** The report currency, which an amount is in when no --currency is given. */
export const reportCurrency = (ctx: CliContext) => ctx.core().settings.get('revenue.currency');

function costFields(values: Record<string, string | boolean | undefined>, ctx: CliContext): RecurringCostFields {
  const currency = textOption(values.currency) ?? reportCurrency(ctx);
  const end = textOption(values.end);
  return {
    name: textOption(values.name) ?? '',
    category: (textOption(values.category) ?? '') as RecurringCostFields['category'],
    amountMinor: amountOption(textOption(values.amount), currency),
    currency,
    cycle: (textOption(values.cycle) ?? 'monthly') as RecurringCostFields['cycle'],
    startDate: textOption(values.start) ?? new Date(ctx.core().clock.now()).toISOString().slice(0, 10),
    ...(end !== undefined ? { endDate: end } : {}),
  };
}

export const costsCommands: Command[] = [
  procedureCommand('costs.report', {
    usage: 'costs [--month YYYY-MM] [--months N]',
    summary: 'This month’s (or --month’s) costs by category beside their budgets, revenue and margin, and the months up to it.',
    options: { month: { type: 'string', description: 'the month, YYYY-MM (default this month)' }, months: { type: 'string', description: 'how many months up to it to list (1–24, default 12)' } },
    input: (_, values) => {
      const months = textOption(values.months);
      if (months !== undefined && !/^\d+$/.test(months)) throw new CliUsageError(`--months: must be a whole number from 1 to 24 (got "${months}")`);
      const month = textOption(values.month);
      return { ...(month !== undefined ? { month } : {}), ...(months !== undefined ? { months: Number(months) } : {}) };
    },
    show: reportText,
  }),
  procedureCommand('costs.list', {
    usage: 'costs list',
    summary: 'The recurring costs you entered (hosting, domains, tools, other).',
    input: () => ({}),
    show: ({ costs }) => (costs.length === 0 ? 'No recurring costs yet (add one with: levqor costs add --name … --category hosting --amount 4.90 --cycle monthly).' : costs.map(costLine).join('\n')),
  }),
  procedureCommand('costs.add', {
    usage: 'costs add --name NAME --category C --amount AMOUNT [--currency CODE] [--cycle C] [--start YYYY-MM-DD] [--end YYYY-MM-DD]',
    summary: 'Adds a recurring cost (hosting, domains, tools, other): its amount in whole units (4.90), cycle monthly, yearly or one-off, first and optional last day.',
    options: {
      name: { type: 'string', description: 'what it is, e.g. Hetzner VPS' },
      category: { type: 'string', description: recurringCategories.join(', ') },
      amount: { type: 'string', description: 'per cycle, in whole units of the currency, e.g. 4.90' },
      currency: { type: 'string', description: 'three-letter code (default the setting revenue.currency)' },
      cycle: { type: 'string', description: `${costCycles.join(', ')} (default monthly)` },
      start: { type: 'string', description: 'the first day paid for, YYYY-MM-DD (default today)' },
      end: { type: 'string', description: 'the last day paid for, YYYY-MM-DD (default: it goes on)' },
    },
    input: (_, values, ctx) => costFields(values, ctx),
    show: (c) => `Added ${costLine(c)}`,
  }),
  procedureCommand('costs.remove', {
    usage: 'costs remove ID',
    summary: 'Removes a recurring cost (its id from levqor costs list).',
    positionals: { id: 'ID' },
    show: (_, { positionals }) => `Removed ${positionals.id}.`,
  }),
];
