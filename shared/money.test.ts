import { describe, expect, it } from 'vitest';
import { formatMinorUnits, formatMoney, fromMinorUnits, minorUnitDigits } from './money';

describe('money in minor units', () => {
  it('knows how many decimals each currency has, as Stripe counts them', () => {
    expect(minorUnitDigits('usd')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('kwd')).toBe(3);
    // Stripe sends ISK without decimals though Intl gives it two
    expect(minorUnitDigits('isk')).toBe(0);
    expect(fromMinorUnits(1999, 'usd')).toBe(19.99);
    expect(fromMinorUnits(500, 'jpy')).toBe(500);
    expect(fromMinorUnits(1500, 'kwd')).toBe(1.5);
  });

  it('formats an amount for its currency', () => {
    expect(formatMinorUnits(1999, 'usd')).toBe('$19.99');
    expect(formatMinorUnits(123456789, 'usd')).toBe('$1,234,567.89');
    expect(formatMinorUnits(-250, 'eur')).toBe('-€2.50');
    expect(formatMinorUnits(500, 'jpy')).toBe('¥500');
    expect(formatMinorUnits(1500, 'kwd')).toBe('KWD\u00a01.500');
    expect(formatMinorUnits(0, 'gbp')).toBe('£0.00');
    expect(formatMinorUnits(1999, 'eur', 'de-DE')).toBe('19,99\u00a0€');
  });

  it('writes out a malformed currency code instead of failing', () => {
    expect(formatMinorUnits(1234, 'us')).toBe('12.34 US');
  });

  it('keeps formatMoney for amounts in whole units', () => {
    expect(formatMoney(19.9, 'USD')).toBe('$19.90');
  });
});
