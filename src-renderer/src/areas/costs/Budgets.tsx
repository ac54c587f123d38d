import { useState } from 'react';
import type { BudgetLine } from '../../../../shared/contract/costs';
import { categoryLabels, parseAmount, type CostCategory } from '../../../../shared/costs';
import { formatMinorUnits, fromMinorUnits, minorUnitDigits } from '../../../../shared/money';
import { getApi } from '../../api/client';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { useAction } from '../../hooks/use-action';

const tone = (r: number | null) => (r === null ? 'muted' : r >= 1 ? 'bad' : r >= 0.8 ? 'warn' : 'good');

/** Each category this month: spent, its budget (typed in whole units; empty or 0 removes it) and how much of it is used. */
export function Budgets({ month, currency, lines, onChanged }: { month: string; currency: string; lines: BudgetLine[]; onChanged(): void }) {
  const save = useAction();
  const [typed, setTyped] = useState<Partial<Record<CostCategory, string>>>({});
  const [problem, setProblem] = useState<{ category: CostCategory; message: string; field?: string } | undefined>(undefined);
  const shown = (b: BudgetLine) => typed[b.category] ?? (b.budgetMinor === null ? '' : fromMinorUnits(b.budgetMinor, currency).toFixed(minorUnitDigits(currency)));

  const submit = async (category: CostCategory) => {
    const text = (typed[category] ?? '').trim();
    if (text.startsWith('-')) return setProblem({ category, field: 'amountMinor', message: 'amountMinor: a budget must not be below zero' });
    const amount = text === '' ? ({ ok: true, minor: 0 } as const) : parseAmount(text, currency);
    if (!amount.ok) return setProblem({ category, field: 'amountMinor', message: `amountMinor: ${amount.message}` });
    setProblem(undefined);
    const ok = await save.run(async () => void (await getApi().budgets.set({ category, amountMinor: amount.minor })), category);
    if (!ok) return;
    setTyped(({ [category]: _done, ...rest }) => rest);
    onChanged();
  };

  return (
    <div className="stack">
    <DataTable columns={['Category', numberColumn(`Spent in ${month}`), `Monthly budget (${currency.toUpperCase()})`, numberColumn('Used')]} label="Budgets" testId="budgets">
      {lines.map((b) => (
        <tr key={b.category} data-testid={`budget-${b.category}`}>
          <td>{categoryLabels[b.category]}</td>
          <td className="num" data-testid="spent">
            {formatMinorUnits(b.spentMinor, currency)}
          </td>
          <td>
            <form
              className="cs-budget"
              aria-label={`${categoryLabels[b.category]} budget`}
              onSubmit={(e) => {
                e.preventDefault();
                void submit(b.category);
              }}
            >
              <input className="input" inputMode="decimal" placeholder="no budget" aria-label={`${categoryLabels[b.category]} budget`} value={shown(b)} onChange={(e) => setTyped((t) => ({ ...t, [b.category]: e.target.value }))} />
              <button type="submit" className="button button--ghost" disabled={save.pending}>
                {save.running === b.category ? 'Saving…' : 'Set'}
              </button>
              {problem?.category === b.category ? <FieldError id={`budget-${b.category}-error`} error={problem} /> : null}
            </form>
          </td>
          <td className={`num toned tone--${tone(b.usedRatio)}`} data-testid="used">
            {b.usedRatio === null ? '—' : `${Math.round(b.usedRatio * 100)}%`}
          </td>
        </tr>
      ))}
    </DataTable>
    <ErrorNotice message={save.error} inline />
    </div>
  );
}
