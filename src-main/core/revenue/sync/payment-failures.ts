import type { EventPayload } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { StripeJson } from './json';
import { paymentFailedNotice } from './notices';

interface Row {
  id: string;
  type: string;
  created: number;
  data: string;
}

/**
 * The payment.failed payloads of the failed-payment events applied since `sinceSeconds`, rebuilt
 * from the stored event and its invoice or charge: the same payload (and so the same notice key)
 * as the one announced after the commit, for a start that catches up a notice lost in between.
 */
export function paymentFailuresSince(db: Db, sinceSeconds: number): Array<EventPayload<'payment.failed'>> {
  const rows = db
    .prepare(
      `SELECT e.id, e.type, e.created, coalesce(i.data, c.data) AS data FROM stripe_events e
       LEFT JOIN stripe_invoices i ON e.type = 'invoice.payment_failed' AND i.id = e.object_id
       LEFT JOIN stripe_charges c ON e.type = 'charge.failed' AND c.id = e.object_id
       WHERE e.type IN ('invoice.payment_failed', 'charge.failed') AND e.created >= ? AND coalesce(i.data, c.data) IS NOT NULL
       ORDER BY e.created`,
    )
    .all(sinceSeconds) as Row[];
  return rows.flatMap((r) => {
    const event: StripeJson = { id: r.id, type: r.type, created: r.created, data: { object: JSON.parse(r.data) as StripeJson } };
    const notice = paymentFailedNotice(event);
    return notice?.name === 'payment.failed' ? [notice.payload] : [];
  });
}
