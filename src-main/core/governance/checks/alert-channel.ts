import { block, definePreflightCheck, pass } from '../check';

/** The desktop's own notification stays on this machine: it tells no one while the laptop is shut. */
const localChannels = new Set(['os']);

/** At least one outside channel takes a real test notice now (core/notify), in order, stopping at the first. */
export const alertChannel = definePreflightCheck({
  id: 'alerts.channel',
  label: 'An alert channel that delivers',
  fix: '#/alerts',
  unreachable: 'block',
  async run({ sources }) {
    const outside = sources.alerts.channels().filter((c) => c.configured && !localChannels.has(c.id));
    if (outside.length === 0) return block('No alert channel outside this machine is set up (Slack, Telegram or email): after launch no one would hear of a failure.');
    const failures: string[] = [];
    for (const channel of outside) {
      const test = await sources.alerts.test(channel.id);
      if (test.outcome === 'sent') return pass(`${channel.label} delivered a test notice${test.answer ? ` (${test.answer})` : ''}.`);
      failures.push(`${channel.label}: ${test.error ?? test.outcome}`);
    }
    return block(`No alert channel delivered a test notice: ${failures.join('; ')}.`);
  },
});
