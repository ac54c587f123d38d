import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '..';
import { generateDataset, loadDataset, startFakeStripe, type FakeStripe } from '../../../tests/helpers/stripe';
import { stripeCore } from '../../../tests/helpers/stripe/core';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { refundDeskWaiting } from '../../../tests/helpers/notify/scenarios';

/**
 * Events are emitted after their commit; a process that dies in between must not lose the
 * notices that matter. The crash is made by deleting the row the rule wrote.
 */
const open: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/** Closes once, whether the test or afterEach comes first. */
function closing(close: () => void): () => void {
  let closed = false;
  return () => {
    if (!closed) close();
    closed = true;
  };
}

/** The outbox rows whose notice key starts with `prefix`, as notify.outbox shows them, with their key. */
function rowsAbout(core: Core, prefix: string) {
  const keys = new Map((core.db.prepare('SELECT id, notice_key FROM notify_outbox WHERE notice_key LIKE ?').all(`${prefix}%`) as Array<{ id: string; notice_key: string }>).map((r) => [r.id, r.notice_key]));
  return core.notify.outbox({ limit: 500 }).flatMap((r) => (keys.has(r.id) ? [{ ...r, noticeKey: keys.get(r.id)! }] : []));
}
const crash = (core: Core, prefix: string) => core.db.prepare('DELETE FROM notify_outbox WHERE notice_key LIKE ?').run(`${prefix}%`);

describe('notices lost between a commit and the outbox', () => {
  it('an approval waiting without an outbox row is caught up at the next start, once', async () => {
    const start = (dataDir?: string): NotifyTestCore => {
      const t = notifyCore({ os: new RecordingNotifier(), ...(dataDir ? { dataDir } : {}) });
      open.push(t.close);
      return t;
    };
    const first = start();
    await refundDeskWaiting(first.core);
    const [written] = rowsAbout(first.core, 'approval.requested:');
    crash(first.core, 'approval.requested:');
    first.close();

    const again = start(first.dataDir);
    expect(rowsAbout(again.core, 'approval.requested:')).toMatchObject([{ channel: 'os', state: 'pending', noticeKey: written!.noticeKey, notice: { title: 'Approval needed (Class C)', severity: 'warning', approvalId: written!.notice.approvalId } }]);
    again.close();
    expect(rowsAbout(start(first.dataDir).core, 'approval.requested:')).toHaveLength(1);
  });

  it('a failed payment the Stripe sync applied without an outbox row is caught up at the next start, once', async () => {
    const now = Date.UTC(2026, 10, 1) / 1000;
    const stripe: FakeStripe = await startFakeStripe({ now });
    open.push(() => stripe.close());
    const dataset = generateDataset({ seed: 11, customers: 4, now });
    loadDataset(stripe, dataset);
    const start = (dataDir?: string) => {
      const { core, clock } = stripeCore(stripe, dataDir ? { dataDir } : {});
      const close = closing(() => core.close());
      open.push(close);
      return { core, clock, close };
    };
    const first = start();
    await first.core.revenue.stripe.sync();
    const invoice = structuredClone(dataset.objects.find((o) => o.object === 'invoice' && o.status === 'paid')!);
    // no charge was made (no card on file): the invoice's own event is the one failure notice
    stripe.emit('invoice.payment_failed', { ...invoice, status: 'open', amount_paid: 0, charge: null }, now + 600);
    first.clock.set((now + 1200) * 1000);
    await first.core.revenue.stripe.sync();
    const key = `payment.failed:${invoice.id}:${(now + 600) * 1000}`;
    const [written] = rowsAbout(first.core, key);
    expect(written).toMatchObject({ state: 'pending', notice: { title: expect.stringMatching(/^Payment failed: /), severity: 'critical', area: 'revenue' } });
    crash(first.core, 'payment.failed:');
    const dataDir = first.core.dataDir;
    first.close();

    const again = start(dataDir);
    expect(rowsAbout(again.core, key)).toMatchObject([{ state: 'pending', notice: { title: written!.notice.title, body: written!.notice.body, severity: 'critical' } }]);
    again.close();
    expect(rowsAbout(start(dataDir).core, key)).toHaveLength(1);
  });
});
