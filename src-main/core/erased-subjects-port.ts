/**
 * The people erased (the compliance ledger), as the Stripe sync asks before it stores an object:
 * Stripe keeps a deleted customer's invoices and charges, so a full pass, the events or a webhook
 * would otherwise bring them back with the customer id and address. createCore hands it
 * `core.compliance.erasedSubjects()`, so revenue never imports compliance.
 */
export interface ErasedSubjects {
  /** The ledger as it is now; read once per page, chunk of events or webhook, then asked per object. */
  snapshot(): ErasedSnapshot;
}

export interface ErasedSnapshot {
  /** The erased person a Stripe object belongs to (by its customer id, or an address whose hash the ledger holds); a set lookup. */
  ownerOf(o: Readonly<Record<string, unknown>>): ErasedOwner | undefined;
}

/** One erased person, and how each table keeps what Stripe still sends about them. */
export interface ErasedOwner {
  /** The data map's rule for a table: `delete` means the row is not stored at all; any other, stored anonymised. */
  rule(table: string): 'delete' | 'anonymise' | 'legal-hold' | 'none';
  /** A copy of `value` with their address and customer ids replaced by stand-ins and personal fields emptied, as the erasure leaves a row. */
  anonymise<T>(value: T): T;
}

/** No one erased: every object is stored as sent. */
export const noErasures: ErasedSnapshot = { ownerOf: () => undefined };
