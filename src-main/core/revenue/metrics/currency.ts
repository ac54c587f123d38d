import { minorUnitDigits } from '../../../../shared/money';
import { CoreError } from '../../errors';
import type { CurrencyCode, RateTable } from './model';

/**
 * A total needed a currency the founder has set no rate for. Nothing is summed across
 * currencies without a rate: the message names every currency that lacks one.
 */
export class MissingRateError extends CoreError {
  constructor(
    readonly missing: CurrencyCode[],
    readonly target: CurrencyCode,
  ) {
    const list = missing.map((c) => c.toUpperCase()).join(', ');
    const example = missing.find((c) => c !== target) ?? missing[0] ?? 'eur';
    super(
      'BAD_INPUT',
      `revenue.rates has no rate for ${list}, so amounts in ${list} cannot be added into a ${target.toUpperCase()} total. ` +
        `Set one in revenue.rates, e.g. {"${example}": 1.08} means one ${example.toUpperCase()} is worth 1.08 of revenue.currency (or set revenue.currency to the one currency you bill in).`,
      'revenue.rates',
    );
    this.name = 'MissingRateError';
  }
}

export function normaliseCurrency(code: CurrencyCode): CurrencyCode {
  return code.toLowerCase();
}

const lowered = new Map<string, CurrencyCode>();

/** normaliseCurrency through a cache: called once per subscription state, it should not allocate a string each time. */
export function currencyCode(code: CurrencyCode): CurrencyCode {
  let c = lowered.get(code);
  if (c === undefined) {
    c = normaliseCurrency(code);
    lowered.set(code, c);
  }
  return c;
}

/**
 * Turns amounts in integer minor units of one currency into integer minor units of `target`
 * through the founder's rate table (one unit of X = rates[X] units of the table's base; the
 * base is worth 1). Digits differ between currencies (JPY has none, KWD three), so the factor
 * goes through whole units. Built once per total; `factor` throws for a currency without a rate.
 */
export class Converter {
  private readonly factors = new Map<CurrencyCode, number>();
  /** the last currency asked for: rows mostly come in runs of one currency */
  private lastCurrency: CurrencyCode | undefined;
  private lastFactor = 1;
  readonly target: CurrencyCode;

  constructor(
    private readonly table: RateTable,
    target: CurrencyCode,
  ) {
    this.target = normaliseCurrency(target);
  }

  /** Units of one currency's rate in the table's base, or undefined when the founder set none. */
  private rateOf(currency: CurrencyCode): number | undefined {
    if (currency === normaliseCurrency(this.table.base)) return 1;
    for (const [code, rate] of Object.entries(this.table.rates)) if (normaliseCurrency(code) === currency) return rate;
    return undefined;
  }

  /** The currencies among `currencies` that cannot be converted to the target. */
  missingAmong(currencies: Iterable<CurrencyCode>): CurrencyCode[] {
    const missing = new Set<CurrencyCode>();
    for (const raw of currencies) {
      const c = normaliseCurrency(raw);
      if (c === this.target) continue;
      if (this.rateOf(c) === undefined) missing.add(c);
      if (this.rateOf(this.target) === undefined) missing.add(this.target);
    }
    return [...missing].sort();
  }

  /** Multiply minor units of `currency` by this to get minor units of the target (unrounded). */
  factor(currency: CurrencyCode): number {
    if (currency === this.lastCurrency) return this.lastFactor;
    let f = this.factors.get(currency);
    if (f === undefined) {
      const c = normaliseCurrency(currency);
      if (c === this.target) f = 1;
      else {
        const from = this.rateOf(c);
        const to = this.rateOf(this.target);
        if (from === undefined || to === undefined) throw new MissingRateError(this.missingAmong([c]), this.target);
        f = (from / to) * 10 ** (minorUnitDigits(this.target) - minorUnitDigits(c));
      }
      this.factors.set(currency, f);
    }
    this.lastCurrency = currency;
    this.lastFactor = f;
    return f;
  }

  /** Minor units of `currency` → whole minor units of the target, rounded half away from zero. */
  convert(amount: number, currency: CurrencyCode): number {
    return roundMinor(amount * this.factor(currency));
  }
}

/** Rounds a fractional minor-unit amount to a whole one, half away from zero (so −0.5 → −1, like 0.5 → 1). */
export function roundMinor(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
