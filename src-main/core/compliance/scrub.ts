import type { SubjectColumns } from './data-map-types';
import { pseudonyms, type SubjectKeys } from './subject-keys';

/** Keys Stripe and the site use for a person's details inside JSON: emptied when a row is anonymised. */
const personalKeys = new Set(['email', 'name', 'phone', 'address', 'shipping', 'billing_details', 'customer_email', 'customer_name', 'customer_phone', 'customer_address', 'customer_shipping', 'receipt_email', 'company']);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces the person's address and customer ids in free text or JSON, case-blind; JSON personal keys become null. */
export function scrubber(keys: SubjectKeys, hash: string): (value: unknown) => unknown {
  const fake = pseudonyms(hash);
  const patterns: [RegExp, string][] = [[new RegExp(escapeRegex(keys.email), 'gi'), '[erased]'], ...keys.customerIds.map((id): [RegExp, string] => [new RegExp(escapeRegex(id), 'g'), fake.customer])];
  const text = (s: string) => patterns.reduce((acc, [re, to]) => acc.replace(re, to), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, personalKeys.has(k) && x !== null && typeof x !== 'boolean' ? null : walk(x)]));
    return v;
  };
  return (value) => {
    if (typeof value !== 'string') return value === null || value === undefined ? value : walk(value);
    const trimmed = value.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return JSON.stringify(walk(JSON.parse(value)));
      } catch {
        // not JSON after all: treated as text
      }
    }
    return text(value);
  };
}

/** The new values of an anonymised row's columns: pseudonyms for the keys, scrubbed text, NULL for the wiped columns. */
export function anonymisedValues(row: Record<string, unknown>, columns: SubjectColumns, wipe: readonly string[], keys: SubjectKeys, hash: string): Record<string, unknown> {
  const fake = pseudonyms(hash);
  const scrub = scrubber(keys, hash);
  const out: Record<string, unknown> = {};
  for (const c of columns.email ?? []) out[c] = fake.email;
  for (const c of columns.customer ?? []) if (typeof row[c] === 'string' && keys.customerIds.includes(row[c] as string)) out[c] = fake.customer;
  for (const c of columns.text ?? []) out[c] = scrub(row[c]);
  for (const c of wipe) out[c] = null;
  return out;
}
