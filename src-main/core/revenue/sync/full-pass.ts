import { withStripeRetry } from '../stripe/retry';
import { remainingLines } from './invoice-lines';
import { eventsPage, listSources, type ListSource } from './list-sources';
import { num, str } from './json';
import { pageSize, type PassContext } from './pass-context';
import { openPageWriter, type PageWriter } from './store-thread';
import type { FullPassMark } from './sync-state';

/** Pages fetched and posted to the store thread before the oldest of them is committed: bounds the memory a slow disk can take. */
const pagesAhead = 4;

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
  const writer = openPageWriter(ctx);
  try {
    for (const source of listSources) counts[source.kind] = await storeList(ctx, writer, source, started);
  } finally {
    await writer.close();
  }
  ctx.db.transaction(() => {
    const through = state.number('eventsThrough');
    state.set('eventsThrough', Math.max(through ?? 0, mark.watermark));
    state.clear('cursor');
    state.clear('full');
  })();
  return { counts };
}

/**
 * One list from its stored cursor to its end, each page and the cursor after it in one transaction.
 * While the store thread commits a page this thread fetches and parses the next ones: the API's
 * pace is the limit, not the writes. Notices and progress follow each commit, in order.
 */
async function storeList(ctx: PassContext, writer: PageWriter, source: ListSource, mark: FullPassMark): Promise<number> {
  const { state } = ctx;
  const fetchAfter = (after: string | undefined) => {
    const page = withStripeRetry(() => source.list(ctx.client, { limit: pageSize, ...(after ? { starting_after: after } : {}) }), ctx.retry);
    page.catch(() => undefined); // awaited below; a pass that stops first must not leave it unhandled
    return page;
  };
  let cursor = state.get(`cursor:${source.kind}`);
  let count = 0;
  const committing: Array<Promise<void>> = [];
  let next = cursor === 'done' ? undefined : fetchAfter(cursor);
  while (next) {
    const page = await next;
    const last = page.data.at(-1);
    cursor = page.has_more && last ? str(last, 'id')! : 'done';
    next = cursor === 'done' ? undefined : fetchAfter(cursor);
    const moreLines = await remainingLines(ctx, page.data);
    const size = page.data.length;
    const committed = writer.store({ kind: source.kind, page, moreLines, startedAt: mark.startedAt, cursor }).then((notices) => {
      count += size;
      ctx.notify(notices);
      ctx.progress({ kind: source.kind, count, full: true });
    });
    committed.catch(() => undefined); // awaited below, in order
    committing.push(committed);
    if (committing.length >= pagesAhead) await committing.shift();
  }
  for (const committed of committing) await committed;
  return count;
}
