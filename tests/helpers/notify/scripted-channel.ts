import type { Notice } from '../../../shared/contract/notify';
import { defineChannel, type ChannelDef, type DeliveryResult } from '../../../src-main/core/notify';
import type { Clock } from '../../../src-main/core/clock';

/**
 * A channel of the test's own (given to createCore through notifyTuning.extraChannels): it
 * records the time of each attempt and answers what `answer` says (sent by default), so the
 * outbox engine's order, pacing and holds can be read without a network.
 */
export function scriptedChannel(id: string, clock: Clock, options: { minIntervalMs?: number; maxAttempts?: number } = {}) {
  const attempts: Array<{ at: number; notice: Notice; result: DeliveryResult }> = [];
  const state = {
    answer: (_n: Notice): DeliveryResult => ({ status: 'sent', answer: 'ok' }),
    attempts,
    /** Titles of the notices it delivered, in order. */
    sent: () => attempts.filter((a) => a.result.status === 'sent').map((a) => a.notice.title),
  };
  const channel: ChannelDef = defineChannel({
    id,
    label: `Test channel ${id}`,
    ...options,
    configured: () => true,
    deliver(notice) {
      const result = state.answer(notice);
      attempts.push({ at: clock.now(), notice, result });
      return result;
    },
  });
  return { channel, ...state, get answer() { return state.answer; }, set answer(f) { state.answer = f; } };
}
