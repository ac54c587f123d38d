import { formatMinorUnits, minorUnitDigits } from '../../../shared/money';

/** A product's price (whole units, as in the spec) in the visitor's language: 17 USD → "$17.00" (en), "17,00 $" (fr). */
export function formatPrice(price: number, currency: string, locale: string): string {
  return formatMinorUnits(Math.round(price * 10 ** minorUnitDigits(currency)), currency, locale);
}
