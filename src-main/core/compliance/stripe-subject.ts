import type Stripe from 'stripe';

/** The person's objects at Stripe, read through the official client. */
export interface StripeSubject {
  customers: Stripe.Customer[];
  subscriptions: Stripe.Subscription[];
  invoices: Stripe.Invoice[];
  charges: Stripe.Charge[];
}

async function all<T>(list: Stripe.ApiListPromise<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}

/** Every customer with this address (Stripe allows several), and their subscriptions, invoices and charges. */
export async function readStripeSubject(client: Stripe, email: string): Promise<StripeSubject> {
  const customers = (await all(client.customers.list({ email, limit: 100 }))).filter((c) => (c.email ?? '').toLowerCase() === email);
  const subject: StripeSubject = { customers, subscriptions: [], invoices: [], charges: [] };
  for (const c of customers) {
    subject.subscriptions.push(...(await all(client.subscriptions.list({ customer: c.id, status: 'all', limit: 100 }))));
    subject.invoices.push(...(await all(client.invoices.list({ customer: c.id, limit: 100 }))));
    subject.charges.push(...(await all(client.charges.list({ customer: c.id, limit: 100 }))));
  }
  return subject;
}

/**
 * Deletes the customers at Stripe (which cancels their subscriptions; Stripe keeps invoices and
 * charges for its own legal duties). A customer already gone counts as deleted, so a retry after a
 * failure midway finishes the job.
 */
export async function deleteStripeCustomers(client: Stripe, ids: readonly string[]): Promise<string[]> {
  const deleted: string[] = [];
  for (const id of ids) {
    try {
      await client.customers.del(id);
    } catch (err) {
      if ((err as { code?: string }).code !== 'resource_missing') throw err;
    }
    deleted.push(id);
  }
  return deleted;
}
