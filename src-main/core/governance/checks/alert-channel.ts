import { block, definePreflightCheck, pass, warn } from '../check';
import { looksUnreachable, unreachableReason } from '../offline';

/** The desktop's own notification stays on this machine: it tells no one while the laptop is shut. */
const localChannels = new Set(['os']);

/** At least one outside channel takes a real test notice now (core/notify), in order, stopping at the first; none set up warns, none delivering blocks. */
export const alertChannel = definePreflightCheck({ id: 'alerts.channel', label: 'An alert channel that delivers', fix: '#/alerts', unreachable: 'block' }, async ({ sources }) => {
  const outside = sources.alerts.channels().filter((c) => c.configured && !localChannels.has(c.id));
  if (outside.length === 0) return warn('No alert channel outside this machine is set up (Slack, Telegram or email): after launch no one would hear of a failure.');
  const failures: string[] = [];
  for (const channel of outside) {
    const test = await sources.alerts.test(channel.id);
    if (test.outcome === 'sent') return pass(`${channel.label} delivered a test notice${test.answer ? ` (${test.answer})` : ''}.`);
    failures.push(`${channel.label}: ${test.error ?? test.outcome}`);
  }
  const said = failures.join('; ');
  return block(failures.every(looksUnreachable) ? unreachableReason('any alert channel', said) : `No alert channel delivered a test notice: ${said}.`);
});
