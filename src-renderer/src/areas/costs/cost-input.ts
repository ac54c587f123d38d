import type { RecurringCost, RecurringCostFields } from '../../../../shared/contract/costs';
import { costCycles, isCalendarDate, parseAmount, recurringCategories } from '../../../../shared/costs';
import { fromMinorUnits, minorUnitDigits } from '../../../../shared/money';

/** The form's text as typed. */
export interface CostDraft {
  name: string;
  category: string;
  amount: string;
  currency: string;
  cycle: string;
  startDate: string;
  endDate: string;
}

export type CostInput = { ok: true; fields: RecurringCostFields } | { ok: false; field: keyof RecurringCostFields; message: string };

export function emptyDraft(currency: string, today: string): CostDraft {
  return { name: '', category: 'hosting', amount: '', currency: currency.toUpperCase(), cycle: 'monthly', startDate: today, endDate: '' };
}

export function draftOf(c: RecurringCost): CostDraft {
  return { name: c.name, category: c.category, amount: fromMinorUnits(c.amountMinor, c.currency).toFixed(minorUnitDigits(c.currency)), currency: c.currency.toUpperCase(), cycle: c.cycle, startDate: c.startDate, endDate: c.endDate ?? '' };
}

const bad = (field: keyof RecurringCostFields, message: string): CostInput => ({ ok: false, field, message: `${field}: ${message}` });

/** The draft checked as the API will check it, so the founder sees the rule next to the field before anything is sent. */
export function costInput(d: CostDraft): CostInput {
  if (d.name.trim() === '') return bad('name', 'is required');
  if (!(recurringCategories as readonly string[]).includes(d.category)) return bad('category', `must be one of ${recurringCategories.join(', ')}`);
  const currency = d.currency.trim();
  if (!/^[A-Za-z]{3}$/.test(currency)) return bad('currency', 'must be a three-letter currency code such as usd or EUR');
  const amount = parseAmount(d.amount, currency);
  if (!amount.ok) return bad('amountMinor', amount.message);
  if (amount.minor === 0) return bad('amountMinor', 'must be more than 0');
  if (!(costCycles as readonly string[]).includes(d.cycle)) return bad('cycle', `must be one of ${costCycles.join(', ')}`);
  if (!isCalendarDate(d.startDate)) return bad('startDate', 'must be a date written YYYY-MM-DD, such as 2026-03-01');
  const end = d.endDate.trim();
  if (end !== '' && !isCalendarDate(end)) return bad('endDate', 'must be a date written YYYY-MM-DD, such as 2026-03-01');
  if (end !== '' && end < d.startDate) return bad('endDate', 'must not be before startDate');
  return {
    ok: true,
    fields: { name: d.name.trim(), category: d.category as RecurringCostFields['category'], amountMinor: amount.minor, currency: currency.toLowerCase(), cycle: d.cycle as RecurringCostFields['cycle'], startDate: d.startDate, endDate: end === '' ? null : end },
  };
}
