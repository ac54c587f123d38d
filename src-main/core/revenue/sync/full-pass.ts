import { withStripeRetry } from '../stripe/retry';
import { withBulkWrites } from './bulk-writes';
import { remainingLines } from './invoice-lines';
import { eventsPage, listSources, type ListSource, type Page } from './list-sources';
import { listItemTexts } from './list-item-texts';
import { responseText } from '../stripe/response-text';
import { num, str, type StripeJson } from './json';
import { churnNotice, type Notice } from './notices';
import { pageSize, type PassContext } from './pass-context';
import type { FullPassMark } from './sync-state';

/**
 * Pages through every list, storing a run of pages and the cursor after it in one transaction, so
 * a pass killed at any point resumes after the last page stored and never stores a row twice (upserts by id).
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

/**
 * At most this many pages stored per transaction. Each commit writes every database page it
 * dirtied (table and index leaves, their parents) whole into the WAL, and a page of invoices
 * dirties the same index pages as the next: ten pages to a commit write those once instead of
 * ten times. A list's first commits hold 1, 2, 4, 8 pages, so its progress shows at once. A kill
 * loses at most the pages fetched since the last commit, fetched again from the stored cursor.
 */
export const pagesPerCommit = 10;

/**
 * Each object of a page as Stripe sent it, cut out of the answer's text (serialising each object
 * again was the largest single cost of storing a page); none when the text is not at hand or its
 * objects do not line up with the page's, and null for one that was pretty-printed.
 */
function itemTexts(page: Page): ReadonlyArray<string | null> {
  const text = responseText(page);
  const texts = text === undefined ? null : listItemTexts(text);
  return texts && texts.length === page.data.length ? texts : [];
}

/** One list from its stored cursor to its end, a run of pages and the cursor after the last in one transaction. */
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
  const fetched: Array<{ data: StripeJson[]; texts: ReadonlyArray<string | null>; moreLines: Map<string, StripeJson[]> }> = [];
  let run = 1;
  while (next) {
    const page = await next;
    const last = page.data.at(-1);
    cursor = page.has_more && last ? str(last, 'id')! : 'done';
    // the next page is on its way while these are stored: the API's pace is the limit, not the writes
    next = cursor === 'done' ? undefined : fetchAfter(cursor);
    fetched.push({ data: page.data, texts: itemTexts(page), moreLines: await remainingLines(ctx, page.data) });
    if (next && fetched.length < run) continue;
    run = Math.min(run * 2, pagesPerCommit);
    await new Promise((resolve) => setImmediate(resolve));
    const notices: Notice[] = [];
    const reached = cursor;
    ctx.db.transaction(() => {
      ctx.store.loadErasures();
      for (const { data, texts, moreLines } of fetched) {
        for (let i = 0; i < data.length; i++) {
          const { o, text, owner } = ctx.store.admit(data[i]!, texts[i]);
          const change = ctx.store.put(o, mark.startedAt, false, moreLines, text, owner);
          if (source.kind === 'subscriptions' && change.written) {
            // the first state seen began at the subscription's start; a later different one, when fetched
            ctx.versions.record(o, ctx.versions.has(str(o, 'id')!) ? mark.startedAt : (num(o, 'start_date') ?? mark.startedAt), text);
            const churn = churnNotice(o, change.previousStatus, mark.startedAt);
            if (churn) notices.push(churn);
          }
        }
      }
      state.set(`cursor:${source.kind}`, reached);
    })();
    for (const { data } of fetched.splice(0)) count += data.length;
    ctx.notify(notices);
    ctx.progress({ kind: source.kind, count, full: true });
  }
  return count;
}
