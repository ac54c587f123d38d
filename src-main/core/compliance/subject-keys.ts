import { createHash } from 'node:crypto';

/** What identifies one person across the stores: their address, Stripe customer ids, pipeline item ids. */
export interface SubjectKeys {
  /** Lower-cased and trimmed. */
  email: string;
  customerIds: string[];
  itemIds: string[];
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** SHA-256 of the normalised address: what audit rows, flags and the erasure ledger keep instead of it. */
export function emailHash(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

/** The stand-ins an anonymised row gets: unique per person, so figures still count them once, and never an address that works. */
export function pseudonyms(hash: string): { email: string; customer: string } {
  const short = hash.slice(0, 12);
  return { email: `erased-${short}@erased.invalid`, customer: `erased_${short}` };
}

/** A valid-looking address (something@domain.tld, no spaces), or the rule it breaks. */
export function emailProblem(raw: string): string | undefined {
  const email = raw.trim();
  if (email === '') return 'is required';
  if (email.length > 254) return 'is longer than 254 characters';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return `must be an email address like name@example.com (got "${raw}")`;
  return undefined;
}
