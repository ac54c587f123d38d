import type { ChannelTest, NoticeSeverity, OutboxState } from '../../../../shared/contract/notify';
import type { Tone } from '../../components/tone';

/** How an outbox row's state is drawn. */
export const stateTone: Record<OutboxState, Tone> = { pending: 'info', sent: 'good', failed: 'bad', skipped: 'warn', merged: 'muted' };

/** How a notice's or a briefing part's severity is drawn. */
export const severityTone: Record<NoticeSeverity, Tone> = { info: 'muted', warning: 'warn', critical: 'bad' };

/** Only a row that gave up or was skipped can be tried again (a sent row is never sent twice). */
export const retryable = (state: OutboxState): boolean => state === 'failed' || state === 'skipped';

/** How a send test's outcome is drawn. */
export const testOutcomeTone: Record<ChannelTest['outcome'], Tone> = { sent: 'good', failed: 'bad', skipped: 'warn', 'not-configured': 'warn' };
