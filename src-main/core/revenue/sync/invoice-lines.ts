import { withStripeRetry } from '../stripe/retry';
import { obj, str, listData, type StripeJson } from './json';
import type { Page } from './list-sources';
import { pageSize, type PassContext } from './pass-context';

/**
 * Stripe embeds an invoice's first 10 lines; for each invoice with more (`lines.has_more`) the
 * rest, listed from /v1/invoices/:id/lines. Fetched before the page is stored, so they are
 * written in the same transaction as the invoice and its cursor (a kill loses none).
 */
export async function remainingLines(ctx: Pick<PassContext, 'client' | 'retry'>, invoices: StripeJson[]): Promise<Map<string, StripeJson[]>> {
  const found = new Map<string, StripeJson[]>();
  for (const invoice of invoices) {
    if (str(invoice, 'object') !== 'invoice' || obj(invoice, 'lines').has_more !== true) continue;
    const id = str(invoice, 'id')!;
    const lines: StripeJson[] = [];
    let after = str(listData(invoice, 'lines').at(-1) ?? {}, 'id') ?? undefined;
    for (;;) {
      const cursor = after;
      const page = (await withStripeRetry(() => ctx.client.invoices.listLineItems(id, { limit: pageSize, ...(cursor ? { starting_after: cursor } : {}) }), ctx.retry)) as unknown as Page;
      lines.push(...page.data);
      const last = page.data.at(-1);
      if (!page.has_more || !last) break;
      after = str(last, 'id')!;
    }
    found.set(id, lines);
  }
  return found;
}
