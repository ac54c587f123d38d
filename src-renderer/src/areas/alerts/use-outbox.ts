import { useCallback, useEffect } from 'react';
import type { EventName } from '../../../../shared/contract';
import type { OutboxState } from '../../../../shared/contract/notify';
import { getApi } from '../../api/client';
import { useLoad } from '../../hooks/use-load';
import { useEventTick } from '../../hooks/use-guardian-tick';

/** Events that write outbox rows (the rules' events) or report one delivered (notify.notice under levqor serve). */
const outboxEvents = ['notify.notice', 'guardian.alert', 'telemetry.anomaly', 'approval.requested', 'run.finished', 'products.uploadChanged', 'payment.failed', 'dfy.paid', 'subscription.churned', 'backup.failed', 'backup.stale', 'check.failed', 'founder.notified'] as const satisfies readonly EventName[];

/** A failed or skipped delivery has no event of its own, so the outbox is also read again this often. */
export const outboxPollMs = 5000;

/** The outbox, newest first, in one state or all; read again after the events above and every few seconds. */
export function useOutbox(state: OutboxState | undefined) {
  const tick = useEventTick(outboxEvents, 1000);
  const outbox = useLoad(() => getApi().notify.outbox(state ? { state, limit: 100 } : { limit: 100 }), [state, tick]);
  const { reload } = outbox;
  useEffect(() => {
    const timer = window.setInterval(reload, outboxPollMs);
    return () => window.clearInterval(timer);
  }, [reload]);
  const retry = useCallback(async (id: string) => {
    await getApi().notify.retry({ id });
    reload();
  }, [reload]);
  return { ...outbox, retry };
}
