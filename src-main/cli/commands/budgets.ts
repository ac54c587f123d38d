import type { BudgetsView } from '../../../shared/contract/costs';
import { categoryLabels, costCategories, type CostCategory } from '../../../shared/costs';
import { formatMinorUnits } from '../../../shared/money';
import { CliUsageError, type Command } from '../command';
import { procedureCommand } from '../procedure-command';
import { amountOption, reportCurrency } from './costs';

function budgetsText(v: BudgetsView): string {
  const money = (x: number) => formatMinorUnits(x, v.currency);
  return [
    `Budgets for ${v.month} (${v.currency.toUpperCase()})`,
    ...v.budgets.map((b) => `  ${categoryLabels[b.category].padEnd(12)} ${money(b.spentMinor).padStart(12)}  ${b.budgetMinor === null ? 'no budget' : `of ${money(b.budgetMinor)} (${Math.round((b.usedRatio ?? 0) * 100)}%)`}`),
  ].join('\n');
}

export const budgetsCommands: Command[] = [
  procedureCommand('budgets.list', {
    usage: 'budgets list',
    summary: 'Each cost category’s monthly budget beside this month’s spend.',
    input: () => ({}),
    show: budgetsText,
  }),
  procedureCommand('budgets.set', {
    usage: 'budgets set CATEGORY AMOUNT',
    summary: `A category’s monthly budget in whole units of the report currency (e.g. 50 or 12.50); 0 removes it. Categories: ${costCategories.join(', ')}. Alerts at 80% and 100%.`,
    positionals: { category: 'CATEGORY', amount: 'AMOUNT' },
    input: ({ category, amount }, _, ctx) => {
      if (amount.trim().startsWith('-')) throw new CliUsageError('AMOUNT: a budget must not be below zero');
      return { category: category as CostCategory, amountMinor: amountOption(amount, reportCurrency(ctx), 'AMOUNT') };
    },
    show: budgetsText,
  }),
];
