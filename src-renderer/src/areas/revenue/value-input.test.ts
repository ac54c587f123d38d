import { describe, expect, it } from 'vitest';
import { parseValueInput, valueFields } from './value-input';

describe('the value the founder types', () => {
  it('becomes whole minor units in the currency\u2019s own decimals', () => {
    expect(parseValueInput('1350.50', 'USD')).toEqual({ ok: true, value: { amountMinor: 135050, currency: 'usd' } });
    expect(parseValueInput('1,200', 'eur')).toEqual({ ok: true, value: { amountMinor: 120000, currency: 'eur' } });
    expect(parseValueInput('500', 'jpy')).toEqual({ ok: true, value: { amountMinor: 500, currency: 'jpy' } });
    expect(parseValueInput('1.005', 'kwd')).toEqual({ ok: true, value: { amountMinor: 1005, currency: 'kwd' } });
    expect(parseValueInput('0.29', 'usd')).toEqual({ ok: true, value: { amountMinor: 29, currency: 'usd' } });
  });

  it('clears the value when the amount is empty', () => {
    expect(parseValueInput('  ', 'whatever')).toEqual({ ok: true, value: null });
  });

  it('names the field and the rule when it cannot be read', () => {
    expect(parseValueInput('12', 'dollars')).toMatchObject({ ok: false, field: 'currency', message: expect.stringContaining('three-letter') });
    expect(parseValueInput('-5', 'usd')).toMatchObject({ ok: false, field: 'amount', message: expect.stringContaining('at least 0') });
    expect(parseValueInput('12.345', 'usd')).toMatchObject({ ok: false, field: 'amount', message: 'has more than 2 decimal places for USD' });
    expect(parseValueInput('5.5', 'jpy')).toMatchObject({ ok: false, field: 'amount', message: 'has more than 0 decimal places for JPY' });
  });

  it('shows a stored value back as the form\u2019s fields', () => {
    expect(valueFields({ amountMinor: 135050, currency: 'usd' })).toEqual({ amount: '1350.50', currency: 'usd' });
    expect(valueFields({ amountMinor: 500, currency: 'jpy' })).toEqual({ amount: '500', currency: 'jpy' });
    expect(valueFields(null)).toEqual({ amount: '', currency: 'usd' });
  });
});
