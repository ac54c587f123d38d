import { withStripeRetry } from '../stripe/retry';
import { withBulkWrites } from './bulk-writes';
import { remainingLines } from './invoice-lines';
import { eventsPage, listSources, type ListSource } from './list-sources';
import { num, str } from './json';
import { churnNotice, type Notice } from './notices';
import { pageSize, type PassContext } from './pass-context';
import type { FullPassMark } from './sync-state';

/**
 * Pages through every list, storing each page and its cursor in one transaction, so a pass killed
 * at any point resumes after the last page stored and never stores a row twice (upserts by id).
 * Events from the moment it began are applied by the next incremental pass.
 */
export async function fullPass(ctx: PassContext, reason: string): Promise<{ counts: Record<string, number> }> {
  const { state } = ctx;
  let mark = state.json<FullPassMark>('full');
  if (!mark) {
    const newest = await withStripeRetry(() => eventsPage(ctx.client, { limit: 1 }), ctx.retry);
    const startedAt = ctx.nowSeconds();
    mark = { reason, watermark: num(newest.data[0] ?? {}, 'created') ?? startedAt, startedAt };
    state.set('full', JSON.stringify(mark));
  }
  const counts: Record<string, number> = {};
  const started = mark;
  await withBulkWrites(ctx.db, async () => {
    for (const source of listSources) counts[source.kind] = await storeList(ctx, source, started);
  });
  ctx.db.transaction(() => {
    const through = state.number('eventsThrough');
    state.set('eventsThrough', Math.max(through ?? 0, mark.watermark));
    state.clear('cursor');
    state.clear('full');
  })();
  return { counts };
}

/** One list from its stored cursor to its end, each page and the cursor after it in one transaction. */
async function storeList(ctx: PassContext, source: ListSource, mark: FullPassMark): Promise<number> {
  const { state } = ctx;
  const fetchAfter = (after: string | undefined) => {
    const page = withStripeRetry(() => source.list(ctx.client, { limit: pageSize, ...(after ? { starting_after: after } : {}) }), ctx.retry);
    page.catch(() => undefined); // awaited below; a pass that stops first must not leave it unhandled
    return page;
  };
  let cursor = state.get(`cursor:${source.kind}`);
  let count = 0;
  let next = cursor === 'done' ? undefined : fetchAfter(cursor);
  while (next) {
    const page = await next;
    const last = page.data.at(-1);
    cursor = page.has_more && last ? str(last, 'id')! : 'done';
    // the next page is on its way while this one is stored: the API's pace is the limit, not the writes
    next = cursor === 'done' ? undefined : fetchAfter(cursor);
    const moreLines = await remainingLines(ctx, page.data);
    await new Promise((resolve) => setImmediate(resolve));
    const notices: Notice[] = [];
    const reached = cursor;
    ctx.db.transaction(() => {
      for (const o of page.data) {
        const change = ctx.store.put(o, mark.startedAt, false, moreLines);
        if (source.kind === 'subscriptions' && change.written) {
          // the first state seen began at the subscription's start; a later different one, when fetched
          ctx.versions.record(o, ctx.versions.has(str(o, 'id')!) ? mark.startedAt : (num(o, 'start_date') ?? mark.startedAt));
          const churn = churnNotice(o, change.previousStatus, mark.startedAt);
          if (churn) notices.push(churn);
        }
      }
      state.set(`cursor:${source.kind}`, reached);
    })();
    count += page.data.length;
    ctx.notify(notices);
    ctx.progress({ kind: source.kind, count, full: true });
  }
  return count;
}
