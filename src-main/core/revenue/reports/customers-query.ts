import type { Db } from '../../db/open';
import { badInput } from '../../errors';

export interface CustomerRow {
  id: string;
  email: string | null;
  name: string | null;
  /** When Stripe created the customer, epoch ms. */
  createdAt: number | null;
  currency: string | null;
  /** Subscriptions that are active, trialing or past due now. */
  openSubscriptions: number;
  livemode: boolean;
}

const cursorRule = 'must be the nextCursor of an earlier answer';

/** A page of synced customers, newest first, by text; the cursor is the last row's (created, id). */
export function customersPage(db: Db, input: { query?: string | undefined; cursor?: string | undefined; limit?: number | undefined }): { rows: CustomerRow[]; ids: Set<string>; nextCursor?: string } {
  const limit = input.limit ?? 50;
  const where = ['c.deleted = 0'];
  const params: Record<string, unknown> = { limit: limit + 1 };
  if (input.query) {
    where.push("(c.email LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\' OR c.id LIKE @q ESCAPE '\\')");
    params.q = `%${input.query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  if (input.cursor) {
    const m = /^(-?\d+):(cus_[A-Za-z0-9]+)$/.exec(input.cursor);
    if (!m) throw badInput('cursor', cursorRule);
    where.push('(coalesce(c.created, 0) < @created OR (coalesce(c.created, 0) = @created AND c.id < @id))');
    params.created = Number(m[1]);
    params.id = m[2];
  }
  const rows = db
    .prepare(
      `SELECT c.id, c.email, c.name, c.created, c.currency, c.livemode,
         (SELECT count(*) FROM stripe_subscriptions s WHERE s.customer = c.id AND s.deleted = 0 AND s.status IN ('active', 'trialing', 'past_due')) AS open
       FROM stripe_customers c WHERE ${where.join(' AND ')}
       ORDER BY coalesce(c.created, 0) DESC, c.id DESC LIMIT @limit`,
    )
    .all(params) as Array<{ id: string; email: string | null; name: string | null; created: number | null; currency: string | null; livemode: number; open: number }>;
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map((r) => ({ id: r.id, email: r.email, name: r.name, createdAt: r.created !== null ? r.created * 1000 : null, currency: r.currency, openSubscriptions: r.open, livemode: r.livemode === 1 })),
    ids: new Set(shown.map((r) => r.id)),
    ...(more && last ? { nextCursor: `${last.created ?? 0}:${last.id}` } : {}),
  };
}
