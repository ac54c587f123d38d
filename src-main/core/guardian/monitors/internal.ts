import { statfs } from 'node:fs/promises';
import { z } from 'zod';
import { defineMonitor, errorMessage, type CheckOutcome, type MonitorServices } from './define-monitor';

export const internalChecks = ['scheduler', 'backup', 'sync', 'disk'] as const;
export const internalDefaults = { syncMaxAgeSeconds: 3_600, backupMaxAgeSeconds: 26 * 3_600, minFreeMb: 1_024 } as const;

const settings = z
  .object({
    check: z.enum(internalChecks, { error: (issue) => (issue.input === undefined ? `is required for an internal monitor (one of ${internalChecks.join(', ')})` : `must be one of ${internalChecks.join(', ')}`) }),
    /** sync: DOWN past this many seconds since the last sync; backup: past this age. */
    maxAgeSeconds: z.number({ error: 'must be a number of seconds' }).min(1, 'must be at least 1 second').max(365 * 86_400, 'must be at most a year').optional(),
    /** disk: DOWN below this many free MB in the data dir. */
    minFreeMb: z.number({ error: 'must be a number' }).min(0, 'must not be negative').max(1e9, 'must be at most 1000000000').optional(),
  })
  .strict();
type Settings = z.output<typeof settings>;

/** Levqor's own health: the scheduler, the last backup, telemetry sync, free disk space. */
export const internalMonitor = defineMonitor({
  type: 'internal',
  label: 'Levqor internal',
  description: 'Levqor X\u2019s own health: the workflow scheduler, the last backup, telemetry sync or free disk space.',
  settings,
  ui: {
    check: { label: 'Check', widget: 'select', help: `one of ${internalChecks.join(', ')}` },
    maxAgeSeconds: { label: 'Max age (seconds)', widget: 'number', help: 'seconds before the last sync or backup counts as stale' },
    minFreeMb: { label: 'Min free MB', widget: 'number', placeholder: String(internalDefaults.minFreeMb), help: `the disk check\u2019s minimum free MB (default ${internalDefaults.minFreeMb})` },
  },
  defaultName: (s) => `internal: ${s.check}`,
  healing: (s) =>
    s.check === 'disk'
      ? [{ action: 'free_disk_space', title: 'Free disk space in the data dir (prune telemetry, remove old builds)', class: 'A', expectedEffect: 'More free space turns the disk monitor UP and keeps SQLite writable.', proposal: { procedure: 'telemetry.prune', input: {} } }]
      : [],
  check: (s, ctx) => checks[s.check](s, ctx.now, ctx.services),
});

const unknown = (message: string): CheckOutcome => ({ status: 'unknown', message, ms: null });
const judged = (ok: boolean, message: string): CheckOutcome => ({ status: ok ? 'up' : 'down', message, ms: null });

const checks: Record<Settings['check'], (s: Settings, now: number, src: MonitorServices) => Promise<CheckOutcome>> = {
  async scheduler(_s, _now, src) {
    if (!src.schedulerRunning) return unknown('no scheduler in this build');
    if (!src.backgroundRunning()) return unknown('the scheduler runs only under levqor serve or the desktop app; this process has not started it');
    return src.schedulerRunning() ? judged(true, 'scheduler running') : judged(false, 'scheduler stopped');
  },
  async backup(s, now, src) {
    const backups = src.backups;
    if (!backups) return unknown('no backup service in this process');
    if (backups.planCount() === 0) return unknown('not configured: there is no backup plan yet');
    const problems = [
      ...backups.stalePlans(now).map((p) => `plan ${p.plan} is stale (${p.lastSuccessAt === null ? 'never backed up' : `last backup ${hours(p.ageMs)} ago`}, schedule ${p.schedule.cron})`),
      ...backups.failedChecks().map((c) => `plan ${c.plan} failed its check`),
    ];
    const last = backups.lastSuccessAt();
    const maxMs = (s.maxAgeSeconds ?? internalDefaults.backupMaxAgeSeconds) * 1000;
    if (last === undefined) problems.push('no backup has been made');
    else if (now - last > maxMs) problems.push(`last backup ${hours(now - last)} ago (limit ${hours(maxMs)})`);
    return problems.length > 0 ? judged(false, problems.join('; ')) : judged(true, `last backup ${hours(now - (last as number))} ago`);
  },
  async sync(s, now, src) {
    const lag = src.sync();
    if (!lag.remoteConfigured) return unknown('not configured: no remote Postgres to sync with');
    const maxMs = (s.maxAgeSeconds ?? internalDefaults.syncMaxAgeSeconds) * 1000;
    if (lag.lastSyncAt === undefined) return judged(false, `never synced; ${lag.pushPending} rows waiting`);
    const age = now - lag.lastSyncAt;
    const text = `last sync ${hours(age)} ago, ${lag.pushPending} rows waiting`;
    return age <= maxMs ? judged(true, text) : judged(false, `${text} (limit ${hours(maxMs)})`);
  },
  async disk(s, _now, src) {
    try {
      const stats = await statfs(src.dataDir);
      const freeMb = Math.floor((Number(stats.bavail) * Number(stats.bsize)) / 1024 / 1024);
      const min = s.minFreeMb ?? internalDefaults.minFreeMb;
      const text = `${freeMb} MB free in the data dir`;
      return freeMb >= min ? judged(true, text) : judged(false, `${text} (minimum ${min} MB)`);
    } catch (err) {
      return judged(false, `cannot read free space: ${errorMessage(err)}`);
    }
  },
};

function hours(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 120) return `${min} min`;
  return `${Math.round(min / 6) / 10} h`;
}
