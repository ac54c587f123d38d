import { minorUnitDigits } from '../../../../shared/money';

export type ValueInput = { ok: true; value: { amountMinor: number; currency: string } | null } | { ok: false; field: 'amount' | 'currency'; message: string };

/**
 * The value the founder typed (an amount in major units, "1200.50", and a currency, "usd")
 * as the API takes it: whole minor units and a lower-case ISO 4217 code. An empty amount
 * clears the value.
 */
export function parseValueInput(amount: string, currency: string): ValueInput {
  const text = amount.trim().replace(/,/g, '');
  if (text === '') return { ok: true, value: null };
  const code = currency.trim().toLowerCase();
  if (!/^[a-z]{3}$/.test(code)) return { ok: false, field: 'currency', message: 'must be a three-letter currency code (usd, gbp, eur)' };
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, field: 'amount', message: 'must be a number of at least 0, like 1200 or 1200.50' };
  const digits = minorUnitDigits(code);
  const [, fraction = ''] = text.split('.');
  if (fraction.length > digits) return { ok: false, field: 'amount', message: `has more than ${digits} decimal place${digits === 1 ? '' : 's'} for ${code.toUpperCase()}` };
  return { ok: true, value: { amountMinor: Math.round(Number(text) * 10 ** digits), currency: code } };
}

/** A stored value back as the form's two fields. */
export function valueFields(value: { amountMinor: number; currency: string } | null): { amount: string; currency: string } {
  if (!value) return { amount: '', currency: 'usd' };
  const digits = minorUnitDigits(value.currency);
  return { amount: (value.amountMinor / 10 ** digits).toFixed(digits), currency: value.currency };
}
