import type { EventBus } from '../event-bus';
import { dueSoonMs } from './statutory-clock';
import type { RequestStore } from './request-store';

/**
 * Announces each unanswered request once when it is 7 days from its deadline and once more when
 * it is overdue (compliance.requestDue, which the notify rule subject.request.due turns into a
 * notice). The payload names the request, never the person.
 */
export function announceDue(store: RequestStore, events: EventBus, now: number): number {
  let sent = 0;
  for (const r of store.unanswered()) {
    const overdue = now > r.due_at;
    const dueSoon = r.due_at - now <= dueSoonMs;
    const already = r.alerted_at !== null && (overdue ? r.alerted_at > r.due_at : true);
    if (!dueSoon || already) continue;
    store.alerted(r.id, now);
    events.emit('compliance.requestDue', { id: r.id, kind: r.kind, law: r.law, dueAt: r.due_at, overdue, at: now });
    sent++;
  }
  return sent;
}
