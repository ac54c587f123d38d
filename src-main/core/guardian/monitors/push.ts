import type { MonitorCheck } from './types';

/**
 * Push (a dead-man's switch, as Healthchecks.io): a cron job calls the monitor's URL; UP while
 * the last ping is within interval + grace, DOWN once it is late. Before the first ping the
 * monitor waits (unknown) for one interval + grace from its creation, then is DOWN.
 */
export const pushCheck: MonitorCheck = async (def, ctx) => {
  const allowedMs = (def.intervalSeconds + def.graceSeconds) * 1000;
  if (ctx.lastPingAt === null) {
    const waited = ctx.now - ctx.createdAt;
    if (waited <= allowedMs) return { status: 'unknown', message: `waiting for the first ping (due within ${fmt(allowedMs - waited)})`, ms: null };
    return { status: 'down', message: `no ping received in ${fmt(waited)} (expected every ${def.intervalSeconds} s + ${def.graceSeconds} s grace)`, ms: null };
  }
  const since = ctx.now - ctx.lastPingAt;
  if (since <= allowedMs) return { status: 'up', message: `last ping ${fmt(since)} ago`, ms: null };
  return { status: 'down', message: `last ping ${fmt(since)} ago, late by ${fmt(since - allowedMs)} (expected every ${def.intervalSeconds} s + ${def.graceSeconds} s grace)`, ms: null };
};

function fmt(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 360) / 10} h`;
}
