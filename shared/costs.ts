import { minorUnitDigits } from './money';

/**
 * What the founder's money goes on. `ai` and `stripe-fees` are worked out from the app's own
 * records; the others are the recurring costs the founder types in.
 */
export const costCategories = ['ai', 'stripe-fees', 'hosting', 'domains', 'tools', 'other'] as const;
export type CostCategory = (typeof costCategories)[number];

/** The categories a recurring cost may have: AI and Stripe fees come from their records, never by hand. */
export const recurringCategories = ['hosting', 'domains', 'tools', 'other'] as const;
export type RecurringCategory = (typeof recurringCategories)[number];

export const costCycles = ['monthly', 'yearly', 'one-off'] as const;
export type CostCycle = (typeof costCycles)[number];

/** The budget thresholds alerted, in percent of the month's budget. */
export const budgetThresholds = [80, 100] as const;
export type BudgetThreshold = (typeof budgetThresholds)[number];

export const categoryLabels: Record<CostCategory, string> = {
  ai: 'AI',
  'stripe-fees': 'Stripe fees',
  hosting: 'Hosting',
  domains: 'Domains',
  tools: 'Tools',
  other: 'Other',
};

export type AmountParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * An amount typed in whole units ("4.90", "12") → integer minor units of `currency` (490, 1200),
 * refusing more decimals than the currency has, signs, and anything not a plain number.
 */
export function parseAmount(text: string, currency: string): AmountParse {
  const digits = minorUnitDigits(currency);
  const trimmed = text.trim();
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(trimmed);
  if (!match) return { ok: false, message: `must be an amount such as 4.90, not below zero (got "${text}")` };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { ok: false, message: `has more decimals than ${currency.toUpperCase()} has (${digits})` };
  return { ok: true, minor: Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0') };
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
