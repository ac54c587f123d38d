import type { ErasedOwner, ErasedSnapshot, ErasedSubjects } from '../erased-subjects-port';
import { noErasures } from '../erased-subjects-port';
import { mappedTables } from './data-map';
import type { ErasureRule } from './data-map-types';
import type { ErasureLedger, LedgerEntry } from './erasure-ledger';
import { scrubber } from './scrub';
import { emailHash, normaliseEmail, pseudonyms } from './subject-keys';

type Json = Readonly<Record<string, unknown>>;

const asObject = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The customer a Stripe object is about: a customer's own id, else its `customer` (an id or expanded). */
function customerOf(o: Json): string | undefined {
  if (o.object === 'customer') return asString(o.id);
  return asString(o.customer) ?? asString(asObject(o.customer)?.id);
}

/** The addresses Stripe puts on a customer, invoice, charge or checkout session. */
function emailsOf(o: Json): string[] {
  const found = [o.email, o.customer_email, o.receipt_email, asObject(o.billing_details)?.email, asObject(o.customer_details)?.email];
  return found.filter((e): e is string => typeof e === 'string' && e.includes('@')).map(normaliseEmail);
}

/** The rule of each local table, as the erasure applies it. */
function localRules(): Map<string, ErasureRule> {
  return new Map(mappedTables('local').map((e) => [e.table, e.erasure]));
}

function owner(entry: LedgerEntry, email: string | undefined, customer: string | undefined, rules: ReadonlyMap<string, ErasureRule>): ErasedOwner {
  const customerIds = customer && !entry.customerIds.includes(customer) ? [...entry.customerIds, customer] : entry.customerIds;
  const scrub = scrubber({ email: email ?? pseudonyms(entry.hash).email, customerIds, itemIds: [] }, entry.hash);
  return {
    // a table the map does not name is kept anonymised rather than as sent
    rule: (table) => rules.get(table) ?? 'anonymise',
    // through JSON text: the Stripe client's Decimal values serialise by their toJSON, not their fields
    anonymise: <T>(value: T) => JSON.parse(scrub(JSON.stringify(value)) as string) as T,
  };
}

/** The ledger's people as two sets, built once: customer ids and address hashes. */
export function erasedSnapshot(entries: readonly LedgerEntry[]): ErasedSnapshot {
  if (entries.length === 0) return noErasures;
  const byCustomer = new Map<string, LedgerEntry>();
  const byHash = new Map<string, LedgerEntry>();
  for (const e of entries) {
    byHash.set(e.hash, e);
    for (const id of e.customerIds) byCustomer.set(id, e);
  }
  const rules = localRules();
  return {
    ownerOf(o) {
      const customer = customerOf(o);
      let entry = customer === undefined ? undefined : byCustomer.get(customer);
      let email: string | undefined;
      for (const address of emailsOf(o)) {
        const hit = byHash.get(emailHash(address));
        if (hit && (!entry || hit === entry)) {
          entry = hit;
          email = address;
          break;
        }
      }
      if (!entry) return undefined;
      return owner(entry, email ?? emailsOf(o)[0], customer, rules);
    },
  };
}

/** The port the revenue sync is handed: the ledger read again at each snapshot. */
export function erasedSubjects(ledger: ErasureLedger): ErasedSubjects {
  return { snapshot: () => erasedSnapshot(ledger.entries()) };
}
