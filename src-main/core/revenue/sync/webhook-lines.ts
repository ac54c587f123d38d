import type { Db } from '../../db/open';
import type { Logger } from '../../logger';
import type { Stripe } from '../stripe/client';
import { stripeFailure } from '../stripe/failure';
import type { StripeRetryOptions } from '../stripe/retry';
import { remainingLines } from './invoice-lines';
import { obj, str, type StripeJson } from './json';
import type { ObjectStore } from './object-store';

export interface WebhookLinesDeps {
  db: Db;
  store: ObjectStore;
  log: Logger;
  /** the client of the stored key; throws when none is set (the lines then wait for a full sync) */
  connect(): Stripe;
  retry(): StripeRetryOptions;
}

/**
 * An invoice that came by webhook carries the first 10 of its lines, as Stripe embeds them.
 * When it has more (`lines.has_more`) the rest are listed from /v1/invoices/:id/lines after the
 * webhook is answered (Stripe wants its 2xx quickly, and a webhook applied must stay near a
 * millisecond) and stored beside the 10 in one transaction, so an invoice never holds part of
 * the rest. Offline, without a key, or killed before it ends, the rest comes with the next full sync.
 */
export class WebhookLines {
  private readonly invoiceKept;

  constructor(private readonly deps: WebhookLinesDeps) {
    this.invoiceKept = deps.db.prepare('SELECT 1 FROM stripe_invoices WHERE id = ? AND deleted = 0').pluck();
  }

  /** Starts listing the rest of `object`'s lines when it is an invoice with more than it carries; never throws. */
  fetchRest(object: StripeJson): Promise<void> | undefined {
    if (str(object, 'object') !== 'invoice' || obj(object, 'lines').has_more !== true) return undefined;
    return this.fetch(object);
  }

  private async fetch(invoice: StripeJson): Promise<void> {
    const id = str(invoice, 'id')!;
    try {
      const rest = await remainingLines({ client: this.deps.connect(), retry: this.deps.retry() }, [invoice]);
      this.deps.db.transaction(() => {
        this.deps.store.loadErasures();
        const owner = this.deps.store.erasedOwner(invoice);
        const lines = rest.get(id) ?? [];
        if (this.invoiceKept.get(id)) this.deps.store.addLines(id, owner ? owner.anonymise(lines) : lines);
      })();
    } catch (err) {
      this.deps.log.warn({ invoice: id, err: stripeFailure(err).message }, 'the invoice\u2019s lines beyond the 10 its webhook carried wait for the next full sync');
    }
  }
}
