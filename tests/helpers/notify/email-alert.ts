import type { OutboxRow } from '../../../shared/contract/notify';
import type { NoticeDraft } from '../../../src-main/core/notify/rules';
import type { NotifyTestCore } from './notify-core';

/** A notice for the email channel written to the outbox as a rule writes it (a critical monitor alert unless `draft` says otherwise). */
export function emailAlert(t: NotifyTestCore, key: string, draft: Partial<NoticeDraft> = {}): number {
  return t.core.notify.send({ key, title: `Monitor down: ${key}`, body: 'no answer for 3 minutes', area: 'guardian', at: t.clock.now(), severity: 'critical', ...draft }, ['email']);
}

/** One delivery pass over the outbox, then its newest row. */
export async function deliveredNewest(t: NotifyTestCore): Promise<OutboxRow | undefined> {
  await t.core.notify.deliverDue();
  return t.core.notify.outbox({ limit: 1 })[0];
}
