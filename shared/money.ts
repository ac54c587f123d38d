/** 19.9 and 'USD' → "$19.90", 47 and 'GBP' → "£47.00"; a code Intl does not know is written out. */
export function formatMoney(amount: number, currency = 'USD'): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/**
 * Stripe's own lists (stripe.com/docs/currencies): amounts in these carry no decimals
 * (¥500 is sent as 500) or three (KWD 1.500 is sent as 1500). Every other currency has two.
 * Stripe's lists win over Intl's where they differ (Intl gives ISK and UGX two, say),
 * since the integers come from Stripe.
 */
const zeroDecimal = new Set(['bif', 'clp', 'djf', 'gnf', 'isk', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const threeDecimal = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** How many decimals one unit of `currency` has in minor units: 0 for JPY, 3 for KWD, 2 for USD. */
export function minorUnitDigits(currency: string): number {
  const code = currency.toLowerCase();
  if (zeroDecimal.has(code)) return 0;
  return threeDecimal.has(code) ? 3 : 2;
}

/** Integer minor units → the amount in whole units: 1999 'usd' → 19.99, 500 'jpy' → 500. */
export function fromMinorUnits(amount: number, currency: string): number {
  return amount / 10 ** minorUnitDigits(currency);
}

const formatters = new Map<string, Intl.NumberFormat | null>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat | null {
  const key = `${locale} ${currency}`;
  let f = formatters.get(key);
  if (f === undefined) {
    const digits = minorUnitDigits(currency);
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: digits, maximumFractionDigits: digits });
    } catch {
      f = null;
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * An amount in integer minor units, formatted for its currency: 1999 'usd' → "$19.99",
 * 500 'jpy' → "¥500", 1500 'kwd' → "KWD 1.500", -250 'eur' → "-€2.50". A malformed code
 * (not three letters) is written out after the number ("12.34 US").
 */
export function formatMinorUnits(amount: number, currency: string, locale = 'en-US'): string {
  const value = fromMinorUnits(amount, currency);
  const f = formatterFor(currency, locale);
  return f ? f.format(value) : `${value.toFixed(minorUnitDigits(currency))} ${currency.toUpperCase()}`;
}
