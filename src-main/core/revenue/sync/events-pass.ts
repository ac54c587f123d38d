import { withStripeRetry } from '../stripe/retry';
import { balanceTransactions, eventsPage, type Page } from './list-sources';
import { num, obj, str, type StripeJson } from './json';
import { remainingLines } from './invoice-lines';
import type { Notice } from './notices';
import { pageSize, type PassContext } from './pass-context';

/** Stripe lists events of the last 30 days only. */
export const eventsKeptSeconds = 30 * 86_400;
const applyChunk = 500;

/**
 * Applies the events created since the newest one applied, oldest first, each chunk with the new
 * high-water mark in one transaction (a killed pass re-lists them; applied ids are skipped).
 * Then the balance transactions created since the newest stored, which have no events.
 */
export async function eventsPass(ctx: PassContext, since: number): Promise<Record<string, number>> {
  const events = await pageAll(ctx, (p) => eventsPage(ctx.client, { ...p, created: { gte: since } }));
  // Stripe lists newest first; reversed, events of the same second keep their order
  events.reverse();
  let applied = 0;
  for (let i = 0; i < events.length; i += applyChunk) {
    const chunk = events.slice(i, i + applyChunk);
    const moreLines = await remainingLines(ctx, chunk.map((e) => obj(obj(e, 'data'), 'object')));
    const notices: Notice[] = [];
    ctx.db.transaction(() => {
      ctx.store.loadErasures();
      for (const event of chunk) {
        const outcome = ctx.applier.apply(event, 'sync', moreLines);
        if (!outcome.duplicate) applied++;
        notices.push(...outcome.notices);
      }
      ctx.state.set('eventsThrough', Math.max(since, num(chunk.at(-1)!, 'created') ?? since));
    })();
    ctx.notify(notices);
    ctx.progress({ kind: 'events', count: Math.min(i + applyChunk, events.length), full: false });
  }
  const newestTxn = ctx.db.prepare('SELECT max(created) FROM stripe_balance_transactions').pluck().get() as number | null;
  const txns = await pageAll(ctx, (p) => balanceTransactions.list(ctx.client, { ...p, created: { gte: newestTxn ?? 0 } }));
  ctx.db.transaction(() => {
    ctx.store.loadErasures();
    for (const t of txns) ctx.store.put(t, ctx.nowSeconds());
  })();
  return { events: applied, balance_transactions: txns.length };
}

async function pageAll(ctx: PassContext, list: (p: { limit: number; starting_after?: string }) => Promise<Page>): Promise<StripeJson[]> {
  const all: StripeJson[] = [];
  let after: string | undefined;
  for (;;) {
    const cursor = after;
    const page = await withStripeRetry(() => list({ limit: pageSize, ...(cursor ? { starting_after: cursor } : {}) }), ctx.retry);
    all.push(...page.data);
    const last = page.data.at(-1);
    if (!page.has_more || !last) return all;
    after = str(last, 'id')!;
  }
}
