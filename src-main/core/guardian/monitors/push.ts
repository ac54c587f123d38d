import { z } from 'zod';
import { guardianLimits } from '../../../../shared/contract/guardian';
import { defineMonitor } from './define-monitor';

const settings = z
  .object({
    graceSeconds: z
      .number({ error: 'must be a number of seconds' })
      .min(0, 'must not be negative')
      .max(guardianLimits.maxIntervalSeconds, `must be at most ${guardianLimits.maxIntervalSeconds} seconds`)
      .default(60),
  })
  .strict();

/**
 * Push (a dead-man's switch, as Healthchecks.io): a cron job calls the monitor's URL; UP while
 * the last ping is within interval + grace, DOWN once it is late. Before the first ping the
 * monitor waits (unknown) for one interval + grace from its creation, then is DOWN.
 */
export const pushMonitor = defineMonitor({
  type: 'push',
  label: 'Push (heartbeat)',
  description: 'A cron job calls the monitor\u2019s own URL; DOWN when a ping is later than the interval plus the grace.',
  settings,
  ui: {
    graceSeconds: { label: 'Grace (seconds)', widget: 'number', help: 'seconds of grace after the interval (default 60)' },
  },
  receivesPings: true,
  defaultName: () => 'heartbeat',
  healing: (_s, m) => [{ action: 'check_heartbeat_sender', title: `Check the cron job that pings "${m.name}"`, class: 'A', expectedEffect: 'Once the job pings again the monitor turns UP at the next ping.', proposal: null }],
  async check(s, ctx) {
    const allowedMs = (ctx.intervalSeconds + s.graceSeconds) * 1000;
    const expected = `expected every ${ctx.intervalSeconds} s + ${s.graceSeconds} s grace`;
    if (ctx.lastPingAt === null) {
      const waited = ctx.now - ctx.createdAt;
      if (waited <= allowedMs) return { status: 'unknown', message: `waiting for the first ping (due within ${fmt(allowedMs - waited)})`, ms: null };
      return { status: 'down', message: `no ping received in ${fmt(waited)} (${expected})`, ms: null };
    }
    const since = ctx.now - ctx.lastPingAt;
    if (since <= allowedMs) return { status: 'up', message: `last ping ${fmt(since)} ago`, ms: null };
    return { status: 'down', message: `last ping ${fmt(since)} ago, late by ${fmt(since - allowedMs)} (${expected})`, ms: null };
  },
});

function fmt(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 360) / 10} h`;
}
