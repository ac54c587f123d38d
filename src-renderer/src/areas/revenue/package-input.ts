import type { PackageFields } from '../../../../shared/contract/revenue-packages';
import { formatMinorUnits } from '../../../../shared/money';
import { parseValueInput, valueFields } from './value-input';

/** The package form's fields as typed. */
export interface PackageDraft {
  name: string;
  tier: string;
  price: string;
  currency: string;
  description: string;
}

export type PackageInput = { ok: true; fields: PackageFields } | { ok: false; field: keyof PackageFields; message: string };

/**
 * The typed form as revenue.proposePackage takes it: the price in major units ("499.00") becomes
 * whole minor units of its currency. Only what the API cannot see (decimals beyond the
 * currency's) is refused here; every other rule is the API's, so its message names the field.
 */
export function packageInput(d: PackageDraft): PackageInput {
  const price = parseValueInput(d.price, d.currency);
  if (!price.ok) return { ok: false, field: price.field === 'amount' ? 'priceMinor' : 'currency', message: price.message };
  return {
    ok: true,
    fields: {
      name: d.name,
      tier: d.tier,
      // an empty price goes as no price at all: the API says it is required
      ...(price.value ? { priceMinor: price.value.amountMinor } : {}),
      currency: d.currency,
      ...(d.description.trim() !== '' ? { description: d.description } : {}),
    } as PackageFields,
  };
}

/** The fields of `next` that differ from `was` (a change asks only for those). */
export function changedFields(was: PackageFields, next: PackageFields): Partial<PackageFields> {
  const out: Partial<PackageFields> = {};
  for (const key of ['name', 'tier', 'priceMinor', 'description'] as const) if (next[key] !== was[key]) Object.assign(out, { [key]: next[key] ?? '' });
  if (next.currency.trim().toLowerCase() !== was.currency) out.currency = next.currency;
  return out;
}

/** A stored package back as the form's fields. */
export function packageDraft(p: { name: string; tier: string; priceMinor: number; currency: string; description: string | null } | undefined): PackageDraft {
  if (!p) return { name: '', tier: '', price: '', currency: 'usd', description: '' };
  return { name: p.name, tier: p.tier, price: valueFields({ amountMinor: p.priceMinor, currency: p.currency }).amount, currency: p.currency, description: p.description ?? '' };
}

/** What a change would change, in words: "price $499.00 → $599.00; name Launch kit → Launch". */
export function changeText(was: PackageFields, change: Partial<PackageFields>): string {
  const money = (f: Partial<PackageFields>) => formatMinorUnits(f.priceMinor ?? was.priceMinor, f.currency ?? was.currency);
  const parts: string[] = [];
  if (change.priceMinor !== undefined || change.currency !== undefined) parts.push(`price ${money(was)} → ${money(change)}`);
  for (const key of ['name', 'tier', 'description'] as const) if (change[key] !== undefined) parts.push(`${key} ${was[key] || '(none)'} → ${change[key] || '(none)'}`);
  return parts.length > 0 ? parts.join('; ') : 'nothing (every field is as it is now)';
}
