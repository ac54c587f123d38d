import { defineHardeningItem } from './item';

/** Keeping data no longer than needed: raw telemetry is pruned, and backups forget old snapshots. */
export const retentionSet = defineHardeningItem({ id: 'retention.set', label: 'Retention set', where: 'any', fix: '#/backups' }, ({ settings, backups }) => {
  const days = settings.get('telemetry.retentionDays');
  if (backups.planCount() > 0 && backups.plansWithRetention() === 0) return { status: 'warn', reason: `Telemetry is kept ${days} days, but no backup plan has a retention policy: old snapshots are kept forever.` };
  return { status: 'pass', reason: `Telemetry is kept ${days} days${backups.planCount() > 0 ? `; ${backups.plansWithRetention()} backup plan(s) forget old snapshots` : ''}.` };
});
